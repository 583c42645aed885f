using ImageRules.Application;
using ImageRules.Hosting;
using ImageRules.Relational;
using ImageRules.Storage.Tests.Support;
using ImageRules.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ImageRules.Storage.Tests.Sqlite;

/// <summary>
/// A disposed SQLite store keeps no connection to its file (issue 11): the driver pools connections per connection
/// string, so the store empties its pool when disposed. SQLite removes the write-ahead log when the last connection
/// to a file closes, so a log left behind is a connection left open.
/// </summary>
public class PoolTests
{
    [Fact]
    public async Task R11_a_disposed_store_leaves_no_connection_open_on_its_file()
    {
        var database = await TestDatabase.CreateAsync();
        var store = new RelationalImageStore(database.OpenInstance());
        await store.SaveRegionAsync(Sample.Guangzhou);
        Assert.True(File.Exists(WriteAheadLog(database)), "the store's pooled connection keeps the log open");

        await store.DisposeAsync();
        await store.DisposeAsync();

        Assert.False(File.Exists(WriteAheadLog(database)), "a connection is still open on the file");
    }

    [Fact]
    public async Task R11_disposing_the_host_container_closes_the_store_connections()
    {
        var database = await TestDatabase.CreateAsync();
        var services = new ServiceCollection();
        database.Register(services.AddImageRules());
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<ImageService>().SaveRegionAsync(Sample.Guangzhou);
        Assert.True(File.Exists(WriteAheadLog(database)), "the store's pooled connection keeps the log open");

        await provider.DisposeAsync();

        Assert.False(File.Exists(WriteAheadLog(database)), "a connection is still open on the file");
    }

    private static string WriteAheadLog(TestDatabase database) => database.Path + "-wal";
}
