using System.Collections.Concurrent;
using ImageRules.Storage.Tests.Support;
using ImageRules.Tests.Support;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ImageRules.Storage.Tests.Sqlite;

/// <summary>
/// Marking an event delivered commits without a sync on SQLite (<c>synchronous = NORMAL</c>, on that connection only,
/// until its next opening): a mark lost in a crash is one more delivery, which at-least-once delivery allows. Every
/// other write stays synced (<c>FULL</c>).
/// </summary>
public class DeliveredMarkTests
{
    private const int Full = 2;

    [Fact]
    public async Task Marking_an_event_delivered_skips_the_sync_and_the_connection_syncs_again_when_next_opened()
    {
        var file = await TestDatabase.CreateAsync();
        var observer = new RecordingObserver();
        await using var instance = ServiceInstance.Over(file, observers: [observer]);
        await instance.SeedAsync();
        var statements = new ConcurrentQueue<(sqlite3 Connection, string Sql)>();
        var opened = new ConcurrentQueue<sqlite3>();
        instance.Database.Opened = connection =>
        {
            var handle = ((SqliteConnection)connection).Handle!;
            opened.Enqueue(handle);
            raw.sqlite3_trace(handle, (_, sql) => statements.Enqueue((handle, sql.utf8_to_string().Trim())), null);
        };

        var created = await instance.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou));

        Assert.True(created.IsSuccess);
        Assert.Single(observer.Heard);
        Assert.Equal(0, await file.ScalarAsync("SELECT COUNT(*) FROM outbox"));
        var run = statements.ToList();
        var mark = run.FindIndex(s => s.Sql.StartsWith("DELETE FROM outbox", StringComparison.Ordinal));
        // The setting runs just before the mark and before nothing else.
        Assert.Equal("PRAGMA synchronous = NORMAL;", run[mark - 1].Sql);
        Assert.All(
            Enumerable.Range(0, run.Count).Where(i => run[i].Sql.Contains("synchronous = NORMAL", StringComparison.Ordinal)),
            i => Assert.StartsWith("DELETE FROM outbox", run[i + 1].Sql, StringComparison.Ordinal));
        var marked = run[mark].Connection;

        // The next use of the pooled connection that marked: its opening sets FULL again before anything else runs.
        await using var next = await instance.Database.ConnectAsync(default);
        Assert.Same(marked, opened.Last());
        await using var command = next.CreateCommand();
        command.CommandText = "PRAGMA synchronous";
        Assert.Equal(Full, Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }
}
