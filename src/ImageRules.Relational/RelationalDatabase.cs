using System.Data.Common;
using ImageRules.Storage;

namespace ImageRules.Relational;

/// <summary>
/// A SQL database holding ImageRules' tables: how to reach it, and the few places where its engine differs
/// (how a write transaction starts, how the schema upgrade is serialized, which errors mean "another writer got
/// there first"). <see cref="RelationalImageStore"/> holds all the SQL, which both supported engines accept as written.
/// </summary>
/// <remarks>
/// <para>The schema is created or upgraded on first use (see <see cref="EnsureSchemaAsync"/>): in one write
/// transaction, serialized across processes, with statements that are harmless to repeat, recording its version in the
/// <c>schema_version</c> table. A database whose schema is newer than this library is refused. Once it is current,
/// the version is read again every <see cref="SchemaRecheckInterval"/> and after any database error that is neither
/// transient nor a conflict, so an instance left running beside a newer one stops, with an
/// <see cref="InvalidOperationException"/> naming both versions, instead of writing what the newer schema does not
/// expect.</para>
/// <para>Failures (see <see cref="IsConflict"/> and <see cref="IsTransient"/>): a conflict the database reports
/// during a write is a lost race, answered as such; a transient failure is thrown as
/// <see cref="ImageStoreUnavailableException"/> wrapping the driver's exception, with nothing written, except that
/// one met while committing leaves the outcome unknown and says so
/// (<see cref="ImageStoreUnavailableException.OutcomeUnknown"/>); any other error is thrown as the driver threw it.
/// Nothing is retried here: <c>ImageService</c> retries.</para>
/// <para>Thread-safe: share one instance per database and process; each operation opens (and pools) its own
/// connection. A <see cref="RelationalImageStore"/> owns the database it is given and disposes it, which releases
/// the pool.</para>
/// </remarks>
public abstract partial class RelationalDatabase : IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim schemaGate = new(1, 1);
    private volatile bool schemaReady;
    private long schemaCheckedAt;

    /// <summary>The schema version this library writes and reads.</summary>
    public static int SchemaVersion => Schema.CurrentVersion;

    /// <summary>How long a schema found current is trusted before its version is read again: 30 seconds.</summary>
    internal static TimeSpan SchemaRecheckInterval { get; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock of <see cref="SchemaRecheckInterval"/>; the system's unless a test sets another.</summary>
    internal TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Told of every connection once it is open and configured: a test's hook to trace the statements run on it (SQLite's trace callback). None unless set.</summary>
    internal Action<DbConnection>? Opened { get; set; }

    /// <summary>
    /// Creates the tables, or upgrades them to <see cref="SchemaVersion"/>, unless that was already done by this
    /// instance; when it was, reads the version again if <see cref="SchemaRecheckInterval"/> has passed. Every operation
    /// calls it first, so a host need not; it may, to fail fast at start-up.
    /// </summary>
    /// <exception cref="InvalidOperationException">The database's schema is newer than this library.</exception>
    /// <exception cref="ImageStoreUnavailableException">The database cannot be reached for a transient reason.</exception>
    public async ValueTask EnsureSchemaAsync(CancellationToken cancellationToken = default) =>
        await RoundTripAsync("ensure_schema", _ => ValueTask.FromResult(true), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore().ConfigureAwait(false);
        Dispose(disposing: false);
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// The database's <c>db.system.name</c> in OpenTelemetry's conventions (<c>postgresql</c>, <c>sqlite</c>), on the
    /// spans of the stores' work; <c>other_sql</c> unless an engine says.
    /// </summary>
    protected virtual string DatabaseSystem => "other_sql";

    /// <summary>A new, closed connection to the database.</summary>
    protected abstract DbConnection CreateConnection();

    /// <summary>Prepares a connection just opened (session settings such as timeouts); nothing by default.</summary>
    protected virtual ValueTask ConfigureConnectionAsync(DbConnection connection, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Runs before the schema transaction, outside any transaction (database-wide settings); nothing by default.</summary>
    protected virtual ValueTask PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>
    /// Begins a transaction for a write. Writes to one catalogue must exclude each other from the moment this returns
    /// or from their first write, and read committed data.
    /// </summary>
    protected abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Waits, without blocking a thread, for this instance's turn to begin a write transaction; disposing the answer,
    /// once that transaction has ended, gives the turn to the next writer. By default there is no turn to wait for
    /// (null): every writer begins at once and <see cref="BeginWriteAsync"/> or the rows it locks make them queue.
    /// </summary>
    protected virtual ValueTask<IDisposable?> AwaitWriteTurnAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IDisposable?>(null);

    /// <summary>
    /// The clause that, appended to a <c>SELECT</c> in a write transaction, locks the rows it reads from the table
    /// aliased <paramref name="table"/> against other writers until the transaction ends (such as
    /// <c>FOR UPDATE OF</c> <paramref name="table"/>); null, the default, for an engine whose write transaction already
    /// excludes every other writer from its start, so that no row needs locking.
    /// </summary>
    /// <remarks>A write that decides on what it reads locks its catalogue's row this way first, so writers of one catalogue queue instead of deciding on the same version.</remarks>
    protected internal virtual string? LockRowsClause(string table) => null;

    /// <summary>
    /// Inside the schema transaction, before any statement: waits until no other process is upgrading the schema.
    /// Nothing by default, for engines whose write transaction already excludes every other writer.
    /// </summary>
    protected virtual ValueTask LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>
    /// True when <paramref name="exception"/>, met during a write, means another writer got there first (a key it took,
    /// a serialization failure, a deadlock), so nothing was written and the caller may decide again. A constraint the
    /// data itself breaks (a NULL, a foreign key, a check) is not a conflict: deciding again would only fail again.
    /// </summary>
    protected abstract bool IsConflict(DbException exception);

    /// <summary>
    /// True when <paramref name="exception"/> is a transient infrastructure failure that a later attempt may not meet:
    /// the connection failed or was refused, the server is shutting down or starting, out of connections, a timeout.
    /// Consulted after <see cref="IsConflict"/>. By default the driver's own judgement, <see cref="DbException.IsTransient"/>.
    /// </summary>
    protected virtual bool IsTransient(DbException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.IsTransient;
    }

    /// <summary>
    /// A statement that lets the next commit on its connection return before it reaches the disk, for a write whose loss
    /// in a crash costs only a redo (marking an event delivered: the event is delivered again, which at-least-once
    /// delivery allows), or null (the default) to commit such a write as durably as any other. It must never risk the
    /// file's consistency, and the connection's usual setting must come back at its next opening
    /// (<see cref="ConfigureConnectionAsync"/>), so no other write runs with it.
    /// </summary>
    protected virtual string? UnsyncedCommitSetting => null;

    /// <summary>Releases the pool and other resources asynchronously; overrides must call the base.</summary>
    protected virtual ValueTask DisposeAsyncCore()
    {
        schemaGate.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Releases resources; <paramref name="disposing"/> is false when called from <see cref="DisposeAsync"/> after <see cref="DisposeAsyncCore"/>. Overrides must call the base.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            schemaGate.Dispose();
        }
    }

    /// <summary>An open connection to a database whose schema is current.</summary>
    internal async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureSchemaOnAsync(connection, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>An open, configured connection, whatever the state of the schema.</summary>
    internal async ValueTask<DbConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var connection = CreateConnection();
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ConfigureConnectionAsync(connection, cancellationToken).ConfigureAwait(false);
            Opened?.Invoke(connection);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/> in one write transaction and commits it when it returns true. When it returns
    /// false, or the database reports a conflict, everything is rolled back and the answer is false.
    /// </summary>
    /// <exception cref="ImageStoreUnavailableException">A transient failure: nothing was written, or, when it came while committing, the outcome is unknown.</exception>
    internal ValueTask<bool> TryWriteAsync(Func<DbTransaction, CancellationToken, ValueTask<bool>> write, CancellationToken cancellationToken) =>
        RoundTripAsync("commit", connection => WriteAsync(connection, write, cancellationToken), cancellationToken);

    /// <summary>Runs one query, outside any transaction, and reads every row with <paramref name="read"/>.</summary>
    /// <remarks>One statement reads one consistent snapshot in every supported engine, so a query that must be consistent is written as one statement.</remarks>
    internal ValueTask<List<T>> QueryAsync<T>(string operation, string sql, Action<DbCommand> bind, Func<DbDataReader, T> read, CancellationToken cancellationToken) =>
        ReadAsync(operation, sql, bind, (reader, ct) => reader.ReadRowsAsync(read, ct), cancellationToken);

    /// <summary>
    /// Runs <paramref name="sql"/>, one statement or several separated by semicolons, as one command outside any
    /// transaction (so in one round trip), and hands its reader to <paramref name="read"/>, which moves through the
    /// statements' results in order.
    /// </summary>
    /// <remarks>Each statement reads committed data at least as new as the statement before it read.</remarks>
    /// <exception cref="ImageStoreUnavailableException">A transient failure.</exception>
    internal ValueTask<T> ReadAsync<T>(string operation, string sql, Action<DbCommand> bind, Func<DbDataReader, CancellationToken, ValueTask<T>> read, CancellationToken cancellationToken) =>
        RoundTripAsync(
            operation,
            async connection =>
            {
                var command = connection.Command(sql);
                await using (command.ConfigureAwait(false))
                {
                    bind(command);
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        return await read(reader, cancellationToken).ConfigureAwait(false);
                    }
                }
            },
            cancellationToken);

    /// <summary>Runs one statement on its own (it commits by itself).</summary>
    /// <exception cref="ImageStoreUnavailableException">A transient failure (a statement that commits by itself is harmless to run again: the stores' are upserts).</exception>
    internal async ValueTask ExecuteAsync(string operation, string sql, Action<DbCommand> bind, CancellationToken cancellationToken) =>
        await RoundTripAsync(
            operation,
            async connection =>
            {
                var command = connection.Command(sql);
                bind(command);
                await command.RunAsync(cancellationToken).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Runs <paramref name="sql"/>, a write that may be lost in a crash at no cost but a redo, as <see cref="ExecuteAsync"/>
    /// does, with <see cref="UnsyncedCommitSetting"/> first when the engine has one.
    /// </summary>
    internal ValueTask ExecuteUnsyncedAsync(string operation, string sql, Action<DbCommand> bind, CancellationToken cancellationToken) =>
        ExecuteAsync(operation, UnsyncedCommitSetting is { } setting ? $"{setting};\n{sql}" : sql, bind, cancellationToken);

    /// <summary>
    /// Creates or upgrades the schema over <paramref name="connection"/> unless this instance already did; reads its
    /// version again when <see cref="SchemaRecheckInterval"/> has passed since it last did.
    /// </summary>
    /// <exception cref="InvalidOperationException">The database's schema is newer than this library.</exception>
    internal ValueTask EnsureSchemaOnAsync(DbConnection connection, CancellationToken cancellationToken) =>
        schemaReady && !SchemaCheckDue() ? ValueTask.CompletedTask : CheckSchemaAsync(connection, cancellationToken);

    private bool SchemaCheckDue() => Time.GetElapsedTime(Volatile.Read(ref schemaCheckedAt)) >= SchemaRecheckInterval;

    private async ValueTask CheckSchemaAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (schemaReady)
            {
                if (!SchemaCheckDue())
                {
                    return;
                }

                // One row of one table, read outside any transaction: the cheap check, every interval.
                var found = await Schema.ReadVersionAsync(connection, cancellationToken).ConfigureAwait(false);
                if (found > Schema.CurrentVersion)
                {
                    throw Schema.NewerThanLibrary(found);
                }

                schemaReady = found == Schema.CurrentVersion;
            }

            if (!schemaReady)
            {
                await UpgradeSchemaAsync(connection, cancellationToken).ConfigureAwait(false);
                schemaReady = true;
            }

            Volatile.Write(ref schemaCheckedAt, Time.GetTimestamp());
        }
        finally
        {
            schemaGate.Release();
        }
    }

    private async ValueTask UpgradeSchemaAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await PrepareDatabaseAsync(connection, cancellationToken).ConfigureAwait(false);
        using var turn = await AwaitWriteTurnAsync(cancellationToken).ConfigureAwait(false);
        var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            await LockSchemaAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            await Schema.UpgradeAsync(transaction, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// After a database error that is neither transient nor a conflict: reads the schema version again, and when
    /// another instance has moved it past this library, throws that (the error is the likely consequence) instead.
    /// When it moved back, the next operation upgrades it again. When it cannot be read, the error stands.
    /// </summary>
    /// <exception cref="InvalidOperationException">The database's schema is now newer than this library; <paramref name="error"/> is its inner exception.</exception>
    private async ValueTask ThrowIfSchemaMovedAsync(DbException error, CancellationToken cancellationToken)
    {
        int found;
        try
        {
            var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                found = await Schema.ReadVersionAsync(connection, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (DbException)
        {
            return;
        }

        if (found > Schema.CurrentVersion)
        {
            throw Schema.NewerThanLibrary(found, error);
        }

        if (found < Schema.CurrentVersion)
        {
            schemaReady = false;
        }
    }
}
