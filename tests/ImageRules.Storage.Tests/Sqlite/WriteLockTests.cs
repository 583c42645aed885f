using ImageRules.Relational;
using ImageRules.Sqlite;
using ImageRules.Storage.Tests.Support;
using ImageRules.Tests.Storage;
using ImageRules.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ImageRules.Storage.Tests.Sqlite;

/// <summary>
/// A write waits for another process's write lock with asynchronous pauses (issue 11): the call returns at once with
/// the write pending while the lock is held (a busy handler would hold the calling thread instead), lands once it is released, and gives up with the driver's "database is locked" after the connection
/// string's <c>Default Timeout</c>.
/// </summary>
public class WriteLockTests
{
    [Fact]
    public async Task R11_a_write_waits_for_another_connection_s_write_lock_without_blocking_its_thread_and_lands_once_it_is_released()
    {
        var database = await TestDatabase.CreateAsync();
        await using var store = new RelationalImageStore(database.OpenInstance());
        await store.SaveRegionAsync(Sample.Guangzhou);
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);
        await using var other = await HoldWriteLockAsync(database.ConnectionString);

        // Called on a thread of its own: a wait that blocked its thread would not return until the lock is released.
        var call = Task.Factory.StartNew(
            () => store.TryCommitAsync(new CatalogueChange { Key = CatalogueKey.Of(image), ExpectedVersion = 0, Added = [image] }).AsTask(),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        Assert.True(await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(10))) == call, "the call blocked its thread while another connection held the write lock");
        var write = await call;
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.False(write.IsCompleted, "the write went ahead while another connection held the write lock");
        await other.DisposeAsync();

        Assert.True(await write.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(image, await store.FindImageAsync(image.Id));
    }

    /// <summary>Another connection (as another process would have) holding the file's write lock until disposed.</summary>
    internal static async Task<SqliteConnection> HoldWriteLockAsync(string connectionString)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "BEGIN IMMEDIATE";
        await command.ExecuteNonQueryAsync();
        return connection;
    }
}
