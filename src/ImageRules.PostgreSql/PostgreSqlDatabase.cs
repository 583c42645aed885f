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
/// write locks one catalogue row, so writers never wait for each other in a cycle. A unique violation (a key another
/// writer took), a serialization failure or a deadlock is answered as a lost race; any other constraint violation is
/// the data's own fault and is thrown. Schema upgrades hold <c>pg_advisory_xact_lock</c>, so instances starting
/// together upgrade one after another.</para>
/// <para>Transient (see <see cref="IsTransient"/>): a failed, refused or timed-out connection (Npgsql's own errors, and
/// SQLSTATE class 08), the server shutting down, crashing or starting (57P01, 57P02, 57P03), and too little of a
/// resource for now (53000, 53200, 53300 too many connections, 53400), and a lock timeout (55P03).</para>
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
    protected override string DatabaseSystem => "postgresql";

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
        exception is PostgresException
        {
            SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        };

    /// <inheritdoc/>
    protected override bool IsTransient(DbException exception) => exception switch
    {
        PostgresException { SqlState: var state } => state.StartsWith("08", StringComparison.Ordinal) || state is
            PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.InsufficientResources or PostgresErrorCodes.OutOfMemory or PostgresErrorCodes.TooManyConnections
            or PostgresErrorCodes.ConfigurationLimitExceeded or PostgresErrorCodes.LockNotAvailable,
        // Npgsql's own errors: the connection failed, was refused or timed out (an I/O, socket or timeout cause).
        NpgsqlException npgsql => npgsql.IsTransient,
        _ => false,
    };

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
