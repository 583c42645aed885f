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
/// consistent: its uncommitted transaction is simply absent. A write still locked out when the timeout passes is a
/// transient failure (see <see cref="IsTransient"/>), thrown as <see cref="ImageRules.Storage.ImageStoreUnavailableException"/>
/// and retried by the service.</para>
/// <para>Use a file: <c>Data Source=:memory:</c> gives each connection its own empty database.</para>
/// <para>Disposing it empties the driver's connection pool for its connection string, so no pooled connection keeps
/// the file open afterwards (a file can then be moved or deleted, and the write-ahead log is checkpointed and closed);
/// connections in use at that moment are closed when they finish instead of going back to the pool.</para>
/// </remarks>
public sealed class SqliteDatabase : RelationalDatabase
{
    /// <summary>SQLITE_BUSY: the file is locked by another connection, past the busy timeout.</summary>
    private const int Busy = 5;

    /// <summary>SQLITE_LOCKED: a table is locked by another connection of this process (shared cache).</summary>
    private const int Locked = 6;

    /// <summary>SQLITE_IOERR: the operating system reported an I/O error.</summary>
    private const int IOError = 10;

    /// <summary>SQLITE_PROTOCOL: the write-ahead-log locking protocol lost a race with another process.</summary>
    private const int Protocol = 15;

    /// <summary>SQLITE_CONSTRAINT_PRIMARYKEY, an extended result code.</summary>
    private const int PrimaryKeyViolation = 1555;

    /// <summary>SQLITE_CONSTRAINT_UNIQUE, an extended result code.</summary>
    private const int UniqueViolation = 2067;

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
    protected override string DatabaseSystem => "sqlite";

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
    /// <remarks>A primary-key or unique violation: a key another writer took. Other constraints (NOT NULL, foreign keys, checks) are the data's own fault.</remarks>
    protected override bool IsConflict(DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: PrimaryKeyViolation or UniqueViolation };

    /// <inheritdoc/>
    /// <remarks>
    /// The file still locked by another writer once <c>Default Timeout</c> has passed (SQLITE_BUSY, SQLITE_LOCKED), an
    /// I/O error (SQLITE_IOERR: often a passing fault of the disk or network file system; a lasting one fails every
    /// attempt and is then reported all the same), and a lost race of the log's locking protocol (SQLITE_PROTOCOL). A
    /// full disk, a file that cannot be opened or is read-only or corrupt needs an operator, so is not transient.
    /// </remarks>
    protected override bool IsTransient(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: Busy or Locked or IOError or Protocol };

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
