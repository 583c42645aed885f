using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy;
using ImageRules.Relational;
using ImageRules.Storage;

namespace ImageRules.Benchmarks;

/// <summary>
/// What events never lost cost: share a <c>Normal</c> image with one account and cancel (as in
/// <see cref="StorageBenchmarks"/>) by a service with no observer (the <c>Baseline</c>, so <c>Ratio</c> reads "times
/// unobserved") and by one with an observer, whose changes each write their event to the store's outbox in the
/// change's transaction and delete it once delivered (one more store call per change), in memory and over SQLite.
/// </summary>
/// <remarks>Before measuring, both services must complete the round trip and leave no grant and no pending event.</remarks>
[MemoryDiagnoser]
[MedianColumn]
public class ObservedShareBenchmarks
{
    private readonly AccountId owner = World.AccountNumber(1_000_000_001);
    private readonly ImmutableArray<AccountId> recipient = [World.AccountNumber(3_000_000_001)];
    private readonly RegionId region = World.Guangzhou.Id;
    private World world = null!;
    private ImageService observed = null!;
    private DurableStore? database;
    private ImageId image;

    /// <summary>The store both services share.</summary>
    [Params(ListingStore.InMemory, ListingStore.Sqlite)]
    public ListingStore Store { get; set; }

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        database = Store == ListingStore.Sqlite ? await DurableStore.OpenAsync(StorageEngine.Sqlite) : null;
        world = await World.CreateAsync(database is null ? null : new RelationalImageStore(database.Database));
        observed = new ImageService(world.Policy, world.Store, new SequentialImageIds(), TimeProvider.System, [new CountingObserver()]);
        await world.AddAccountsAsync([owner, .. recipient]);
        var made = World.CustomImage(1, owner, World.Guangzhou, "shared");
        await world.CommitAsync([made]);
        image = made.Id;
        await CheckEveryMemberAsync();
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        if (database is not null)
        {
            await ((RelationalImageStore)world.Store).DisposeAsync();
            await database.RemoveAsync();
        }
    }

    /// <summary>Share with one account and cancel, with no observer: no event is written.</summary>
    [Benchmark(Baseline = true)]
    public ValueTask<Result<ImageSharingCancelled>> Unobserved() => ShareThenCancelAsync(world.Service);

    /// <summary>Share with one account and cancel, told to an observer: each event written with its change, delivered, then marked delivered.</summary>
    [Benchmark]
    public ValueTask<Result<ImageSharingCancelled>> Observed() => ShareThenCancelAsync(observed);

    private async ValueTask<Result<ImageSharingCancelled>> ShareThenCancelAsync(ImageService service)
    {
        var shared = await service.ShareImageAsync(new ShareImage(owner, region, image, recipient));
        return shared.TryGetValue(out _, out var refused)
            ? await service.CancelSharingAsync(new CancelSharing(owner, region, image, recipient))
            : refused;
    }

    /// <summary>Throws unless both round trips succeed and leave no grant and no pending event.</summary>
    private async Task CheckEveryMemberAsync()
    {
        ImmutableArray<Result<ImageSharingCancelled>> trips = [await Unobserved(), await Observed()];
        var grants = (await world.LoadFactsAsync(new FactsQuery(owner, region) { Image = image, AllGrants = true })).Grants.Length;
        var pending = (await world.Store.ReadPendingEventsAsync(DateTimeOffset.MaxValue, 10)).Count;
        if (trips.Any(t => !t.IsSuccess) || grants != 0 || pending != 0)
        {
            throw new InvalidOperationException($"a share round trip failed: {string.Join(", ", trips)}, grants left {grants}, events pending {pending}");
        }
    }

    /// <summary>Counts what it hears: the least an observer does.</summary>
    private sealed class CountingObserver : IImageEventObserver
    {
        private long heard;

        public ValueTask OnSavedAsync(SavedImageEvent saved, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref heard);
            return ValueTask.CompletedTask;
        }
    }
}
