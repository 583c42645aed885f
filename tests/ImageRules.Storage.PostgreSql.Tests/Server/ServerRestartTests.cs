using System.Collections.Concurrent;
using System.Diagnostics;
using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Storage.Tests.Support;
using ImageRules.Tests.Application;
using ImageRules.Tests.Support;
using Xunit.Abstractions;

namespace ImageRules.Storage.Tests.PostgreSql;

/// <summary>
/// PostgreSQL restarted under load (issue 11's fault test): two service instances with four writers each create,
/// complete and share images on a <see cref="PrivateServer"/> while it is restarted (<c>pg_ctl restart -m fast</c>, which
/// ends every session). Every call either succeeds (retried through the restart if need be) or throws the one
/// documented <see cref="ImageStoreUnavailableException"/>; every acknowledged write is stored afterwards, the rules'
/// invariants hold on the rows, and writes succeed again once the server is back.
/// </summary>
public class ServerRestartTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Load = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan RestartAfter = TimeSpan.FromSeconds(2);
    private const int WritersPerInstance = 4;

    [PrivateServerFact]
    public async Task R11_R20_a_restart_mid_load_loses_no_acknowledged_write_and_callers_see_only_the_documented_exception()
    {
        await using var server = await PrivateServer.StartAsync();
        var database = TestDatabase.At(server.ConnectionString);
        var logger = new RecordingLogger<ImageService>();
        // The newer quota (500 images per account and region), so that writers are refused only for a reason the test makes.
        var options = new ImageRulesOptions { Profile = ImageRulesProfile.Provider2025 };
        await using var first = ServiceInstance.Over(database, options);
        await using var second = ServiceInstance.Over(database, options);
        var owners = await first.SeedAsync(extra: 2 * WritersPerInstance);
        var services = new[] { first, second }.Select(i => new ImageService(i.Policy, i.Images, new RandomImageIdGenerator(), TimeProvider.System, logger: logger)).ToArray();
        var load = new LoadRecord();

        var clock = Stopwatch.StartNew();
        var writers = Enumerable.Range(0, 2 * WritersPerInstance)
            .Select(w => Task.Run(() => WriteUntilAsync(services[w % 2], owners[w], owners[(w + 1) % owners.Length], clock, load)))
            .ToList();
        await Task.Delay(RestartAfter);
        var restarting = clock.Elapsed;
        await server.RestartAsync();
        var restarted = clock.Elapsed;
        await Task.WhenAll(writers);

        output.WriteLine($"restart {restarting.TotalSeconds:0.00}–{restarted.TotalSeconds:0.00} s; {load.Summary}; {logger.Entries.Count(e => e.EventId.Id == 3)} transient errors retried");
        Assert.Empty(load.Unexpected);
        Assert.True(logger.Entries.Any(e => e.EventId.Id == 3), "the restart was never met: no transient error was retried");
        Assert.Contains(load.Succeeded, at => at > restarted);
        Assert.True((await services[0].CreateImageAsync(Sample.Create(new Account(owners[0], Sample.Guangzhou.Id), Sample.Guangzhou, "after the restart"))).IsSuccess);
        await AssertAcknowledgedWritesStoredAsync(database, load);
        await StoredInvariants.AssertHoldAsync(database, first.Policy);
    }

    /// <summary>One writer: creates an image, completes it, shares it with <paramref name="recipient"/>, again and again until the load ends.</summary>
    private static async Task WriteUntilAsync(ImageService service, AccountId owner, AccountId recipient, Stopwatch clock, LoadRecord load)
    {
        for (var n = 0; clock.Elapsed < Load; n++)
        {
            var created = await load.CallAsync(clock, () => service.CreateImageAsync(new CreateImage(owner, Sample.Guangzhou.Id, new InstanceId("ins-00000001"), $"image-{n}")));
            if (created is not { IsSuccess: true } made)
            {
                continue;
            }

            var image = made.Value;

            load.Images.Add(image.Image.Id);
            if (await load.CallAsync(clock, () => service.CompleteImageAsync(image.Image.Id, succeeded: true)) is { IsSuccess: true })
            {
                load.Completed.Add(image.Image.Id);
                if (await load.CallAsync(clock, () => service.ShareImageAsync(new ShareImage(owner, Sample.Guangzhou.Id, image.Image.Id, [recipient]))) is { IsSuccess: true })
                {
                    load.Grants.Add((image.Image.Id, recipient));
                }
            }
        }
    }

    private static async Task AssertAcknowledgedWritesStoredAsync(TestDatabase database, LoadRecord load)
    {
        Assert.NotEmpty(load.Grants);
        Assert.Equal(load.Images.Count, await database.ScalarAsync($"SELECT COUNT(*) FROM images WHERE id IN ({Quoted(load.Images)})"));
        Assert.Equal(load.Completed.Count, await database.ScalarAsync($"SELECT COUNT(*) FROM images WHERE state = 'Normal' AND id IN ({Quoted(load.Completed)})"));
        Assert.Equal(load.Grants.Count, await database.ScalarAsync(
            $"SELECT COUNT(*) FROM grants WHERE image_id || '/' || recipient IN ({Quoted(load.Grants.Select(g => $"{g.Image}/{g.Recipient}"))})"));
    }

    private static string Quoted<T>(IEnumerable<T> values) => string.Join(", ", values.Select(v => $"'{v}'"));

    /// <summary>What the writers saw: every acknowledged write, when calls succeeded, and every exception but the documented one.</summary>
    private sealed class LoadRecord
    {
        private int calls;
        private int refused;
        private int unavailable;

        public ConcurrentBag<ImageId> Images { get; } = [];

        public ConcurrentBag<ImageId> Completed { get; } = [];

        public ConcurrentBag<(ImageId Image, AccountId Recipient)> Grants { get; } = [];

        public ConcurrentBag<TimeSpan> Succeeded { get; } = [];

        public ConcurrentBag<Exception> Unexpected { get; } = [];

        public string Summary => $"{calls} calls, {Succeeded.Count} succeeded, {refused} refused, {unavailable} ImageStoreUnavailableException, {Unexpected.Count} other exceptions";

        /// <summary>Makes one call: its result, or null when it threw (the documented exception counted, any other kept).</summary>
        public async Task<Result<T>?> CallAsync<T>(Stopwatch clock, Func<ValueTask<Result<T>>> call)
        {
            Interlocked.Increment(ref calls);
            try
            {
                var result = await call();
                if (result.IsSuccess)
                {
                    Succeeded.Add(clock.Elapsed);
                }
                else
                {
                    Interlocked.Increment(ref refused);
                }

                return result;
            }
            catch (ImageStoreUnavailableException)
            {
                Interlocked.Increment(ref unavailable);
                return null;
            }
            catch (Exception e)
            {
                Unexpected.Add(e);
                return null;
            }
        }
    }
}
