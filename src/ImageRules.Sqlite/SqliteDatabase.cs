using System.Data.Common;
using System.Diagnostics;
using Ardalis.GuardClauses;
using ImageRules.Relational;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ImageRules.Sqlite;

/// <summary>
/// An SQLite database file holding ImageRules' tables, for one host or several processes on one machine.
/// </summary>
/// <remarks>
/// <para>The file is put in write-ahead-log mode (readers never wait for the writer), each commit is synced to disk
/// before it is acknowledged (<c>synchronous = FULL</c>; but for marking an event delivered, see
/// <see cref="UnsyncedCommitSetting"/>), and foreign keys are enforced. A write transaction takes the
/// database's one write lock when it begins, so it excludes every other writer for its whole length: a write decides
/// on what it reads and commits without any other writer in between, and racing writers queue. A process killed
/// mid-write leaves the file consistent: its uncommitted transaction is simply absent.</para>
/// <para><b>Waiting for the write lock never blocks a thread.</b> Writers of this instance queue, first come first
/// served, on an asynchronous gate, so one at a time asks for the lock. That one begins a transaction and takes the
/// lock with one statement that fails at once when another process holds it (a delete of nothing from the empty
/// <c>write_lock</c> table, created before the schema); it then waits with <see cref="Task.Delay(TimeSpan, CancellationToken)"/>,
/// short and jittered, and tries again, until the connection string's <c>Default Timeout</c> (30 s unless given;
/// 0 waits for ever) has passed, when it fails with the driver's "database is locked", a transient failure (see <see cref="IsTransient"/>) thrown as <see cref="ImageRules.Storage.ImageStoreUnavailableException"/> and retried by the service. Other
/// statements keep SQLite's own busy handler, up to the same timeout; once the write lock is held they never wait.
/// Several instances over one file (one per process, or a second one in a process) queue only through that retry.</para>
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

    /// <summary>Takes the write lock of a transaction begun deferred, changing nothing: any write to a table takes it.</summary>
    private const string TakeWriteLock = "DELETE FROM write_lock WHERE 0";

    private readonly string connectionString;
    private readonly string sessionSettings;
    private readonly int busyTimeoutMilliseconds;
    private readonly TimeSpan writeLockTimeout;
    // Never disposed: a write still running when the database is disposed gives its turn back all the same, and a
    // SemaphoreSlim holds no operating-system handle unless asked for one.
    private readonly SemaphoreSlim writeTurn = new(1, 1);

    /// <summary>A database at <paramref name="connectionString"/>, such as <c>Data Source=images.db</c>.</summary>
    /// <exception cref="ArgumentException">The connection string is malformed.</exception>
    public SqliteDatabase(string connectionString)
    {
        Guard.Against.NullOrWhiteSpace(connectionString);
        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true };
        this.connectionString = builder.ToString();
        busyTimeoutMilliseconds = checked(builder.DefaultTimeout * 1000);
        writeLockTimeout = builder.DefaultTimeout == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(builder.DefaultTimeout);
        sessionSettings = $"PRAGMA busy_timeout = {busyTimeoutMilliseconds}; PRAGMA synchronous = FULL;";
    }

    /// <inheritdoc/>
    protected override string DatabaseSystem => "sqlite";

    /// <inheritdoc/>
    protected override DbConnection CreateConnection() => new SqliteConnection(connectionString);

    /// <inheritdoc/>
    /// <remarks>
    /// <c>synchronous = NORMAL</c>, for this connection until its next opening sets <c>FULL</c> again: in write-ahead-log
    /// mode the commit is appended to the log without a sync, the log is still synced before every checkpoint, so the
    /// file stays consistent whatever happens, and the next synced commit of any connection syncs the log with it.
    /// Only a power failure or an operating-system crash right after can lose such a commit.
    /// </remarks>
    protected override string? UnsyncedCommitSetting => "PRAGMA synchronous = NORMAL";

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
        // Write-ahead logging is a property of the file, kept once set; it cannot change inside a transaction. The
        // lock's table must exist before the first write transaction, the schema's, begins.
        await RunAsync(connection, "PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS write_lock (id INTEGER NOT NULL PRIMARY KEY);", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <remarks>This instance's writers take turns on an asynchronous gate, so at most one of them waits for the file's write lock.</remarks>
    protected override async ValueTask<IDisposable?> AwaitWriteTurnAsync(CancellationToken cancellationToken)
    {
        await writeTurn.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new WriteTurn(writeTurn);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Begins deferred (which takes no lock, so never waits), then takes the write lock with a statement that fails at
    /// once while another process writes; the transaction is then rolled back and begun again after an asynchronous
    /// pause, so the next attempt reads the other process's commit. The effect is <c>BEGIN IMMEDIATE</c> without a
    /// thread sleeping in the busy handler.
    /// </remarks>
    /// <exception cref="SqliteException">The lock is still held by another process after the connection string's <c>Default Timeout</c>, or another error.</exception>
    protected override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var sqlite = (SqliteConnection)connection;
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            var transaction = sqlite.BeginTransaction(deferred: true);
            var result = TryTakeWriteLock(sqlite);
            if (result == raw.SQLITE_OK)
            {
                return transaction;
            }

            var busy = (result & 0xFF) is raw.SQLITE_BUSY or raw.SQLITE_LOCKED;
            if (!busy || (writeLockTimeout != Timeout.InfiniteTimeSpan && Stopwatch.GetElapsedTime(started) >= writeLockTimeout))
            {
                var error = new SqliteException(raw.sqlite3_errmsg(sqlite.Handle).utf8_to_string(), result, raw.sqlite3_extended_errcode(sqlite.Handle));
                await transaction.DisposeAsync().ConfigureAwait(false);
                throw error;
            }

            await transaction.DisposeAsync().ConfigureAwait(false);
            await Task.Delay(PauseBefore(attempt), cancellationToken).ConfigureAwait(false);
        }
    }

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

    /// <summary>Runs <see cref="TakeWriteLock"/> with SQLite's busy handler off, so it answers <c>SQLITE_BUSY</c> at once instead of sleeping.</summary>
    private int TryTakeWriteLock(SqliteConnection connection)
    {
        var handle = connection.Handle!;
        raw.sqlite3_busy_timeout(handle, 0);
        try
        {
            return raw.sqlite3_exec(handle, TakeWriteLock);
        }
        finally
        {
            raw.sqlite3_busy_timeout(handle, busyTimeoutMilliseconds);
        }
    }

    /// <summary>A short pause, jittered so processes polling together spread out, growing to at most 50 ms.</summary>
    private static TimeSpan PauseBefore(int attempt) =>
        TimeSpan.FromMilliseconds(Random.Shared.Next(1, Math.Min(50, 2 << Math.Min(attempt, 5)) + 1));

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

    /// <summary>One writer's turn: disposing it, once, lets the next writer of this instance in.</summary>
    private sealed class WriteTurn(SemaphoreSlim gate) : IDisposable
    {
        private int given;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref given, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
