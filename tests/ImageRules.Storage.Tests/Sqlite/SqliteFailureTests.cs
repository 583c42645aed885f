using ImageRules.Domain;
using ImageRules.Relational;
using ImageRules.Sqlite;
using ImageRules.Storage.Tests.Support;
using ImageRules.Tests.Storage;
using ImageRules.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ImageRules.Storage.Tests.Sqlite;

/// <summary>
/// SQLite's errors classified (<see cref="SqliteDatabase"/>): a write lock held past the timeout is transient, thrown
/// as <see cref="ImageStoreUnavailableException"/> with nothing written, and retried by the service; a key another
/// writer took is a lost race; any other constraint is the data's fault.
/// </summary>
public class SqliteFailureTests
{
    [Theory]
    [InlineData(5, 5, false, true)] // SQLITE_BUSY
    [InlineData(6, 6, false, true)] // SQLITE_LOCKED
    [InlineData(10, 522, false, true)] // SQLITE_IOERR_SHORT_READ
    [InlineData(15, 15, false, true)] // SQLITE_PROTOCOL
    [InlineData(19, 1555, true, false)] // SQLITE_CONSTRAINT_PRIMARYKEY
    [InlineData(19, 2067, true, false)] // SQLITE_CONSTRAINT_UNIQUE
    [InlineData(19, 1299, false, false)] // SQLITE_CONSTRAINT_NOTNULL
    [InlineData(19, 787, false, false)] // SQLITE_CONSTRAINT_FOREIGNKEY
    [InlineData(13, 13, false, false)] // SQLITE_FULL
    [InlineData(14, 14, false, false)] // SQLITE_CANTOPEN
    [InlineData(11, 11, false, false)] // SQLITE_CORRUPT
    [InlineData(1, 1, false, false)] // SQLITE_ERROR (a bad statement)
    public async Task Errors_are_lost_races_transient_or_neither_by_their_code(int code, int extendedCode, bool conflict, bool transient)
    {
        await using var database = new SqliteDatabase("Data Source=unused.db");

        Assert.Equal((conflict, transient), Classification.Of(database, new SqliteException("failed", code, extendedCode)));
    }

    [Fact]
    public async Task R11_a_write_locked_out_past_the_timeout_is_ImageStoreUnavailableException_with_nothing_written()
    {
        var database = await TestDatabase.CreateAsync();
        await using var store = new RelationalImageStore(new SqliteDatabase(database.ConnectionString + ";Default Timeout=1"));
        await store.SaveRegionAsync(Sample.Guangzhou);
        await using var other = await WriteLockTests.HoldWriteLockAsync(database.ConnectionString);
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);

        var thrown = await Assert.ThrowsAsync<ImageStoreUnavailableException>(async () =>
            await store.TryCommitAsync(new CatalogueChange { Key = CatalogueKey.Of(image), ExpectedVersion = 0, Added = [image] }));

        Assert.False(thrown.OutcomeUnknown);
        Assert.Equal(5, Assert.IsType<SqliteException>(thrown.InnerException).SqliteErrorCode);
        await other.DisposeAsync();
        Assert.Equal(0, await database.ScalarAsync("SELECT COUNT(*) FROM images"));
    }

    [Fact]
    public async Task R11_the_service_retries_a_write_locked_out_for_a_while_and_saves_it_once()
    {
        var database = await TestDatabase.CreateAsync();
        var seeding = ServiceInstance.Over(database);
        await seeding.SeedAsync();
        await seeding.DisposeAsync();
        await using var store = new RelationalImageStore(new SqliteDatabase(database.ConnectionString + ";Default Timeout=1"));
        var service = new Application.ImageService(new Policy.ImagePolicy(), store, new SequentialImageIds(), TimeProvider.System);
        var other = await WriteLockTests.HoldWriteLockAsync(database.ConnectionString);

        var creating = service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou)).AsTask();
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await other.DisposeAsync();
        var created = await creating;

        Assert.True(created.IsSuccess);
        Assert.Equal(created.Value.Image, Assert.Single((await ImageStoreContract.CatalogueAsync(store, new CatalogueKey(Sample.Alice.Id, Sample.Guangzhou.Id))).Catalogue));
    }
}
