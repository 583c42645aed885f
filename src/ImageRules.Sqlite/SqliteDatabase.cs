using System.Data.Common;
using Ardalis.GuardClauses;
using ImageRules.Relational;
using Microsoft.Data.Sqlite;

namespace ImageRules.Sqlite;

/// <summary>
/// An SQLite database file holding ImageRules' tables, for one host or several processes on one machine.
/// </summary>
/// <remarks>
/// <para>The file is put in write-ahead-log mode (readers never wait for the writer), each commit is synced to disk
/// before it is acknowledged (<c>synchronous = FULL</c>), foreign keys are enforced, and a write transaction takes
/// the write lock when it begins (<c>BEGIN IMMEDIATE</c>), waiting for another process's write up to the
/// connection string's <c>Default Timeout</c> (30 s unless given). A process killed mid-write leaves the file
/// consistent: its uncommitted transaction is simply absent.</para>
/// <para>Use a file: <c>Data Source=:memory:</c> gives each connection its own empty database.</para>
/// <para>Disposing it empties the driver's connection pool for its connection string, so no pooled connection keeps
/// the file open afterwards (a file can then be moved or deleted, and the write-ahead log is checkpointed and closed);
/// connections in use at that moment are closed when they finish instead of going back to the pool.</para>
/// </remarks>
public sealed class SqliteDatabase : RelationalDatabase
{
    private const int ConstraintViolation = 19;

    private readonly string connectionString;
    private readonly string sessionSettings;

    /// <summary>A database at <paramref name="connectionString"/>, such as <c>Data Source=images.db</c>.</summary>
    /// <exception cref="ArgumentException">The connection string is malformed.</exception>
    public SqliteDatabase(string connectionString)
    {
        Guard.Against.NullOrWhiteSpace(connectionString);
        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true };
        this.connectionString = builder.ToString();
        sessionSettings = $"PRAGMA busy_timeout = {checked(builder.DefaultTimeout * 1000)}; PRAGMA synchronous = FULL;";
    }

    /// <inheritdoc/>
    protected override DbConnection CreateConnection() => new SqliteConnection(connectionString);

    /// <inheritdoc/>
    protected override async ValueTask ConfigureConnectionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // SQLite's own busy handler waits for another process's lock with short sleeps; these settings last only
        // for the connection, so each opening sets them.
        await RunAsync(connection, sessionSettings, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    protected override async ValueTask PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // Write-ahead logging is a property of the file, kept once set; it cannot change inside a transaction.
        await RunAsync(connection, "PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    protected override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    /// <inheritdoc/>
    protected override bool IsConflict(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: ConstraintViolation };

    /// <inheritdoc/>
    protected override ValueTask DisposeAsyncCore()
    {
        ClearPool();
        return base.DisposeAsyncCore();
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            ClearPool();
        }

        base.Dispose(disposing);
    }

    /// <summary>Empties the driver's pool for this database's connection string.</summary>
    private void ClearPool()
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private static async ValueTask RunAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
