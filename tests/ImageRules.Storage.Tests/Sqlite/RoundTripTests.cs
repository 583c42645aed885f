using System.Data.Common;
using ImageRules.Relational;
using ImageRules.Storage.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ImageRules.Storage.Tests.Sqlite;

/// <summary>
/// How <see cref="RelationalDatabase"/> answers a failing write, whatever the engine, shown over SQLite with the
/// classification chosen by the test (<see cref="ClassifyingDatabase"/>) and a real failure: a foreign key broken by
/// a statement (before the commit) or at the commit (deferred). A transient failure before the commit wrote nothing;
/// one at the commit leaves the outcome unknown and says so; a conflict at the commit is a lost race; anything else is
/// thrown as it is.
/// </summary>
public class RoundTripTests
{
    private const int ForeignKeyViolation = 787;
    private const string OrphanGrant =
        "INSERT INTO grants (image_id, owner, recipient, region, granted_utc_ticks, granted_offset_minutes) VALUES ('img-missing0', '1038493875', '2000000001', 'ap-guangzhou', 0, 0)";

    [Fact]
    public async Task A_transient_failure_before_the_commit_is_ImageStoreUnavailableException_with_nothing_written()
    {
        var (file, database) = await OverAsync(transient: true);
        await using var _ = database;

        var thrown = await Assert.ThrowsAsync<ImageStoreUnavailableException>(async () => await database.TryWriteAsync((t, ct) => BreakForeignKeyAsync(t, deferred: false, ct), default));

        Assert.False(thrown.OutcomeUnknown);
        Assert.Equal(ForeignKeyViolation, Assert.IsType<SqliteException>(thrown.InnerException).SqliteExtendedErrorCode);
        Assert.Equal(0, await file.ScalarAsync("SELECT COUNT(*) FROM grants"));
    }

    [Fact]
    public async Task A_transient_failure_of_the_commit_itself_leaves_the_outcome_unknown_and_says_so()
    {
        var (_, database) = await OverAsync(transient: true);
        await using var __ = database;

        var thrown = await Assert.ThrowsAsync<ImageStoreUnavailableException>(async () => await database.TryWriteAsync((t, ct) => BreakForeignKeyAsync(t, deferred: true, ct), default));

        Assert.True(thrown.OutcomeUnknown);
        Assert.Contains("may or may not have been saved", thrown.Message, StringComparison.Ordinal);
        Assert.Equal(ForeignKeyViolation, Assert.IsType<SqliteException>(thrown.InnerException).SqliteExtendedErrorCode);
    }

    [Fact]
    public async Task A_conflict_reported_at_the_commit_is_a_lost_race_with_nothing_written()
    {
        var (file, database) = await OverAsync(conflict: true);
        await using var _ = database;

        Assert.False(await database.TryWriteAsync((t, ct) => BreakForeignKeyAsync(t, deferred: true, ct), default));
        Assert.Equal(0, await file.ScalarAsync("SELECT COUNT(*) FROM grants"));
    }

    [Fact]
    public async Task Any_other_failure_at_the_commit_is_thrown_as_the_database_threw_it()
    {
        var (_, database) = await OverAsync();
        await using var __ = database;

        var thrown = await Assert.ThrowsAsync<SqliteException>(async () => await database.TryWriteAsync((t, ct) => BreakForeignKeyAsync(t, deferred: true, ct), default));

        Assert.Equal(ForeignKeyViolation, thrown.SqliteExtendedErrorCode);
    }

    [Fact]
    public async Task A_database_that_cannot_be_opened_for_a_transient_reason_is_ImageStoreUnavailableException()
    {
        await using var database = new ClassifyingDatabase($"Data Source={Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}", "images.db")}", _ => true, _ => false);

        var thrown = await Assert.ThrowsAsync<ImageStoreUnavailableException>(async () => await database.EnsureSchemaAsync());

        Assert.False(thrown.OutcomeUnknown);
        Assert.Equal(14, Assert.IsType<SqliteException>(thrown.InnerException).SqliteErrorCode); // SQLITE_CANTOPEN
    }

    /// <summary>A new database file, and a database over it whose engine calls a broken foreign key transient, a conflict, or neither.</summary>
    private static async Task<(TestDatabase File, ClassifyingDatabase Database)> OverAsync(bool transient = false, bool conflict = false)
    {
        var file = await TestDatabase.CreateAsync();
        var database = new ClassifyingDatabase(file.ConnectionString, e => transient && IsBrokenForeignKey(e), e => conflict && IsBrokenForeignKey(e));
        await database.EnsureSchemaAsync();
        return (file, database);
    }

    private static bool IsBrokenForeignKey(DbException exception) => exception is SqliteException { SqliteExtendedErrorCode: ForeignKeyViolation };

    private static async ValueTask<bool> BreakForeignKeyAsync(DbTransaction transaction, bool deferred, CancellationToken cancellationToken)
    {
        if (deferred)
        {
            await transaction.Command("PRAGMA defer_foreign_keys = ON").RunAsync(cancellationToken);
        }

        await transaction.Command(OrphanGrant).RunAsync(cancellationToken);
        return true;
    }

    /// <summary>A database over an SQLite file (foreign keys enforced) whose classification of errors the test chooses.</summary>
    private sealed class ClassifyingDatabase(string connectionString, Func<DbException, bool> transient, Func<DbException, bool> conflict) : RelationalDatabase
    {
        protected override DbConnection CreateConnection() =>
            new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true }.ToString());

        protected override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
            ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

        protected override bool IsConflict(DbException exception) => conflict(exception);

        protected override bool IsTransient(DbException exception) => transient(exception);
    }
}
