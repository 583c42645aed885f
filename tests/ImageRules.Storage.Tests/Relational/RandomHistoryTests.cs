using System.Diagnostics;
using System.Globalization;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Storage.Tests.Support;
using ImageRules.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ImageRules.Storage.Tests;

/// <summary>
/// A Jepsen-style history: two service instances over one database, as two processes would run (each its own store
/// and connection pool, two observers each, one shared clock), sixteen workers making random calls on a crowded world
/// (<see cref="CrowdedWorld"/>) for a fixed budget, every answer recorded. Afterwards the platform completes what is
/// in progress and its owners delete what timed out, and the database's rows are checked with plain SQL: the rules'
/// invariants hold, every acknowledged write is there and nothing else, nothing is left in progress, and, after a
/// final pass of <c>DeliverPendingEventsAsync</c>, every acknowledged change's event was delivered to each observer
/// (one of which throws on about 5 % of calls) under its stable id, and the outbox is empty.
/// </summary>
/// <remarks>
/// The workers' choices come from one seed, printed with the result and in any failure; set
/// <see cref="SeedVariable"/> to replay them (the interleaving, and so the history, still varies). Invariants are
/// asserted, never throughput: <c>ConcurrentModification</c> answers are allowed and only reported.
/// </remarks>
public class RandomHistoryTests(ITestOutputHelper output)
{
    /// <summary>The environment variable that fixes the seed.</summary>
    public const string SeedVariable = "IMAGERULES_HISTORY_SEED";

    private const int Workers = 16;

    private const int Calls = 2400;

    /// <summary>How often the flaky observer of each instance throws.</summary>
    private const double FlakyRate = 0.05;

    private static readonly ImageRulesOptions Options = new();

    [Fact]
    public async Task R11_R12_R16_R21_R22_R23_R36_R37_two_instances_and_16_workers_keep_the_rules_every_acknowledged_write_and_deliver_every_event_by_id()
    {
        var seed = Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } fixedSeed ? int.Parse(fixedSeed, CultureInfo.InvariantCulture) : Random.Shared.Next();
        output.WriteLine($"{TestDatabase.Engine}: seed {seed} ({SeedVariable}={seed} replays the workers' choices)");
        var database = await TestDatabase.CreateAsync();
        var clock = new FakeTimeProvider(Sample.Now);
        // Each instance has the same two observers, as hosts over one database would: one sometimes down (about 5 %).
        RecordingObserver[][] observers = [[new(FlakyRate), new()], [new(FlakyRate), new()]];
        await using var first = ServiceInstance.Over(database, Options, clock, observers[0]);
        await using var second = ServiceInstance.Over(database, Options, clock, observers[1]);
        ServiceInstance[] instances = [first, second];
        await CrowdedWorld.SeedAsync(first.Service);
        var history = new History();
        var images = new KnownImages();

        var left = Calls;
        var elapsed = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(() =>
            new RandomClient(worker % 2, instances[worker % 2].Service, images, history, clock, new Random(seed + worker))
                .RunAsync(() => Interlocked.Decrement(ref left) >= 0))));
        elapsed.Stop();
        Report(history, elapsed.Elapsed);

        try
        {
            Assert.True(history.Thrown.Count == 0, $"{history.Thrown.Count} calls threw; the first: {history.Thrown.FirstOrDefault()}");
            Assert.DoesNotContain(history.Calls, c => c.Operation == "complete" && c.Refused is ConcurrentModification);
            Assert.True(history.Calls.Any(c => c.Refused is CustomImageQuotaExceeded), "the history never reached the quota (R11)");
            Assert.True(history.Calls.Any(c => c.Refused is ShareQuotaExceeded), "the history never reached the share limit (R21)");
            Assert.True(history.Calls.Any(c => c.Refused is ImageNameDuplicate), "the history never met a taken name (R12)");

            await SettleAsync(database, first, history);

            await StoredInvariants.AssertHoldAsync(database, first.Policy);
            await AcknowledgedWrites.AssertStoredAsync(history, database);

            // What an observer threw on is pending; the relays' passes deliver it (through either instance), a few
            // passes at most, since the flaky observer may throw again.
            var redelivered = 0;
            for (var pass = 0; pass < 10 && await database.ScalarAsync("SELECT COUNT(*) FROM outbox") > 0; pass++)
            {
                redelivered += await instances[pass % 2].Service.DeliverPendingEventsAsync(TimeSpan.Zero);
            }

            output.WriteLine($"flaky observers threw {observers.Sum(o => o[0].Failures)} times; {redelivered} events delivered again");
            Assert.Equal(0, await database.ScalarAsync("SELECT COUNT(*) FROM outbox"));
            for (var slot = 0; slot < observers[0].Length; slot++)
            {
                AcknowledgedWrites.AssertDeliveredById(history, observers.Select(o => o[slot]));
            }
        }
        catch (XunitException failure)
        {
            throw new XunitException($"{TestDatabase.Engine}, seed {seed} ({SeedVariable}): {failure.Message}");
        }
    }

    /// <summary>
    /// The platform completes every image still in progress; one past the transition timeout has failed instead
    /// (R37), and its owner deletes it. Each such call is recorded, so the checks after see it.
    /// </summary>
    private static async Task SettleAsync(TestDatabase database, ServiceInstance instance, History history)
    {
        var inProgress = await StoredRows.ReadAsync(database, "SELECT id, owner, region FROM images WHERE state IN ('Creating', 'Importing', 'Syncing')");
        foreach (var row in inProgress)
        {
            var id = new ImageId(row[0]!);
            var completed = await history.RecordAsync("settle-complete", 0, () => instance.Service.CompleteImageAsync(id, succeeded: true));
            if (completed is { Failure: ImageStateIncorrect })
            {
                var deleted = await history.RecordAsync("settle-delete", 0, () => instance.Service.DeleteImageAsync(new DeleteImage(new AccountId(row[1]!), new RegionId(row[2]!), id)));
                Assert.True(deleted is { IsSuccess: true }, $"`{id}`, timed out, cannot be deleted (R37): {deleted}");
            }
            else
            {
                Assert.True(completed is { IsSuccess: true }, $"`{id}` cannot be completed (R37): {completed}");
            }
        }

        await StoredInvariants.AssertNoneInProgressAsync(database);
    }

    private void Report(History history, TimeSpan elapsed)
    {
        var conflicts = history.Calls.Count(c => c.Refused is ConcurrentModification);
        output.WriteLine($"{history.Calls.Count} calls by {Workers} workers on 2 instances in {elapsed.TotalSeconds:F1} s ({history.Calls.Count / elapsed.TotalSeconds:F0}/s)");
        output.WriteLine($"ConcurrentModification: {conflicts} ({100.0 * conflicts / Math.Max(1, history.Calls.Count):F1} % of calls)");
        output.WriteLine(history.Summary());
    }
}
