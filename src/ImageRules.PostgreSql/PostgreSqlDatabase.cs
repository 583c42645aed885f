using System.Data;
using System.Data.Common;
using Ardalis.GuardClauses;
using ImageRules.Relational;
using Npgsql;

namespace ImageRules.PostgreSql;

/// <summary>
/// A PostgreSQL database holding ImageRules' tables, shared by any number of service instances.
/// </summary>
/// <remarks>
/// <para>Tables live in the connection's schema (its <c>Search Path</c>; <c>public</c> unless given). Writes run at
/// read committed. A write that decides on what it reads (<see cref="RelationalImageStore.DecideAsync"/>) first locks
/// its catalogue's row (<c>SELECT … FOR UPDATE</c>, inserting the row first when the catalogue is new), then reads its
/// facts, decides and commits in the same transaction: writers of one catalogue, from any number of instances, queue
/// on that row instead of deciding on the same version. A bare commit first updates its catalogue's row from the
/// expected version, so a second writer of that catalogue waits on the row lock and then finds the version gone. Each
/// write locks one catalogue row, so writers never wait for each other in a cycle. A constraint violation, a
/// serialization failure or a deadlock is answered as a lost race. Schema upgrades hold <c>pg_advisory_xact_lock</c>, so instances starting
/// together upgrade one after another.</para>
/// <para>Owns its <see cref="NpgsqlDataSource"/> (and so its pool) when made from a connection string.</para>
/// </remarks>
public sealed class PostgreSqlDatabase : RelationalDatabase
{
    /// <summary>The advisory lock key that serializes schema upgrades: "ImgRules" in ASCII.</summary>
    private const long SchemaLockKey = 0x496D6752756C6573;

    private readonly NpgsqlDataSource dataSource;
    private readonly bool ownsDataSource;

    /// <summary>A database at <paramref name="connectionString"/>, such as <c>Host=db;Database=images;Username=app;Password=…</c>.</summary>
    /// <exception cref="ArgumentException">The connection string is empty or malformed.</exception>
    public PostgreSqlDatabase(string connectionString)
    {
        Guard.Against.NullOrWhiteSpace(connectionString);
        dataSource = NpgsqlDataSource.Create(connectionString);
        ownsDataSource = true;
    }

    /// <summary>A database reached through <paramref name="dataSource"/>, which the caller keeps and disposes.</summary>
    public PostgreSqlDatabase(NpgsqlDataSource dataSource)
    {
        Guard.Against.Null(dataSource);
        this.dataSource = dataSource;
    }

    /// <inheritdoc/>
    protected override DbConnection CreateConnection() => dataSource.CreateConnection();

    /// <inheritdoc/>
    protected override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    protected override string? LockRowsClause(string table) => $" FOR UPDATE OF {table}";

    /// <inheritdoc/>
    protected override async ValueTask LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            command.CommandText = $"SELECT pg_advisory_xact_lock({SchemaLockKey})";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    protected override bool IsConflict(DbException exception) =>
        exception is PostgresException { SqlState: var state }
        && (state.StartsWith("23", StringComparison.Ordinal)
            || state == PostgresErrorCodes.SerializationFailure
            || state == PostgresErrorCodes.DeadlockDetected);

    /// <inheritdoc/>
    protected override async ValueTask DisposeAsyncCore()
    {
        if (ownsDataSource)
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
        }

        await base.DisposeAsyncCore().ConfigureAwait(false);
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing && ownsDataSource)
        {
            dataSource.Dispose();
        }

        base.Dispose(disposing);
    }
}
