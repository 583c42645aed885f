using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy;
using ImageRules.Storage;

namespace ImageRules.Benchmarks;

/// <summary>
/// Sharing a <c>Normal</c> custom image with 1 or 50 root accounts of the owner's region (R20–R23), measured as one
/// round trip: share, then cancel the same grants (R24).
/// </summary>
/// <remarks>
/// Sharing changes state (a second share with the same accounts is refused, R23), so each invocation undoes its own
/// work and the next starts from the same world: the image with no grant. The figures are therefore those of a share
/// and a cancel together, for every member alike; cancelling costs about as much as sharing (the same checks and one
/// commit). <c>[IterationSetup]</c> was the alternative, but it forces one invocation per iteration, which cannot time
/// the floor's sub-microsecond work. The engine decides on facts built once from the store: before the share (no
/// grant) and after it (the grants it makes). Before measuring, each member's round trip must succeed.
/// </remarks>
[MemoryDiagnoser]
[MedianColumn]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class ShareBenchmarks
{
    private const string Category = "ShareThenCancel";

    private readonly Account owner = new(World.AccountNumber(1_000_000_001), World.Guangzhou.Id);
    private readonly HashSet<AccountId> holders = [];
    private World world = null!;
    private TelemetryListeners? listeners;
    private Image image = null!;
    private ImmutableArray<AccountId> recipients = [];
    private ImmutableDictionary<AccountId, Account> known = ImmutableDictionary<AccountId, Account>.Empty;
    private ShareImage share = null!;
    private CancelSharing cancel = null!;
    private ImageFacts beforeShare = null!;
    private ImageFacts afterShare = null!;

    /// <summary>How many accounts one request shares with.</summary>
    [Params(1, 50)]
    public int Recipients { get; set; }

    /// <summary>Builds the world with no telemetry listener attached.</summary>
    [GlobalSetup(Targets = new[] { nameof(Floor), nameof(Engine), nameof(Service) })]
    public Task SetUpAsync() => SetUpWorldAsync();

    /// <summary>Attaches an activity and a meter listener to ImageRules' telemetry for this process, then builds the world.</summary>
    [GlobalSetup(Target = nameof(ServiceListened))]
    public async Task SetUpListenedAsync() => listeners = await TelemetryListeners.AttachAroundAsync(SetUpWorldAsync);

    [GlobalCleanup]
    public void CleanUp() => listeners?.Dispose();

    private async Task SetUpWorldAsync()
    {
        world = await World.CreateAsync();
        recipients = [.. Enumerable.Range(1, Recipients).Select(i => World.AccountNumber(2_000_000_000 + i))];
        await world.AddAccountsAsync([owner.Id, .. recipients]);
        image = World.CustomImage(1, owner.Id, World.Guangzhou, World.CatalogueName(0));
        await world.CommitAsync([image]);

        share = new ShareImage(owner.Id, World.Guangzhou.Id, image.Id, recipients);
        cancel = new CancelSharing(owner.Id, World.Guangzhou.Id, image.Id, recipients);
        beforeShare = await world.LoadFactsAsync(new FactsQuery(owner.Id, World.Guangzhou.Id) { Image = image.Id, AllGrants = true, Accounts = recipients });
        known = beforeShare.Accounts;
        afterShare = beforeShare with { Grants = Succeeded(world.Policy.Decide(share, beforeShare)).Grants };
        await CheckEveryMemberAsync();
    }

    /// <summary>
    /// The least work: the image is the owner's and <c>Normal</c>, there is room, each recipient is a known root
    /// account of the owner's region not yet holding a grant; add them to the image's set of holders, then remove them.
    /// </summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Category)]
    public int Floor()
    {
        if (image.Owner != owner.Id || image.State != ImageState.Normal || holders.Count + recipients.Length > world.Policy.MaxShareRecipientsPerImage)
        {
            return 0;
        }

        foreach (var recipient in recipients)
        {
            if (recipient == owner.Id || !known.TryGetValue(recipient, out var account) || !account.IsRoot || account.HomeRegion != owner.HomeRegion || holders.Contains(recipient))
            {
                return 0;
            }
        }

        foreach (var recipient in recipients)
        {
            holders.Add(recipient);
        }

        foreach (var recipient in recipients)
        {
            holders.Remove(recipient);
        }

        return recipients.Length;
    }

    /// <summary>Our engine's two decisions on facts already loaded: share, then cancel the grants the share makes.</summary>
    [Benchmark]
    [BenchmarkCategory(Category)]
    public Result<ImageSharingCancelled> Engine()
    {
        var shared = world.Policy.Decide(share, beforeShare);
        return shared.TryGetValue(out _, out var refused) ? world.Policy.Decide(cancel, afterShare) : refused;
    }

    /// <summary>Our service: load, decide and commit the share, then the same for the cancel.</summary>
    [Benchmark]
    [BenchmarkCategory(Category)]
    public async ValueTask<Result<ImageSharingCancelled>> Service()
    {
        var shared = await world.Service.ShareImageAsync(share);
        return shared.TryGetValue(out _, out var refused) ? await world.Service.CancelSharingAsync(cancel) : refused;
    }

    /// <summary>
    /// <see cref="Service"/> with an <see cref="System.Diagnostics.ActivityListener"/> and a
    /// <see cref="System.Diagnostics.Metrics.MeterListener"/> attached to ImageRules' source and meter (issue 13): two
    /// spans, two counts and two durations per round trip.
    /// </summary>
    [Benchmark]
    [BenchmarkCategory(Category)]
    public async ValueTask<Result<ImageSharingCancelled>> ServiceListened()
    {
        var shared = await world.Service.ShareImageAsync(share);
        return shared.TryGetValue(out _, out var refused) ? await world.Service.CancelSharingAsync(cancel) : refused;
    }

    private static T Succeeded<T>(Result<T> result) =>
        result.TryGetValue(out var value, out var failure) ? value : throw new InvalidOperationException($"the benchmark's world refuses this: {failure}");

    /// <summary>Throws unless every member's round trip succeeds and leaves the image with no grant.</summary>
    private async Task CheckEveryMemberAsync()
    {
        var floor = Floor();
        var engine = Engine();
        var service = await Service();
        var listened = await ServiceListened();
        var left = (await world.LoadFactsAsync(new FactsQuery(owner.Id, World.Guangzhou.Id) { Image = image.Id, AllGrants = true })).Grants;
        if (floor != Recipients || Succeeded(engine).Grants.Length != Recipients || Succeeded(service).Grants.Length != Recipients
            || Succeeded(listened).Grants.Length != Recipients
            || !left.IsEmpty || holders.Count != 0)
        {
            throw new InvalidOperationException($"a share round trip failed: floor {floor}, engine {engine}, service {service}, grants left {left.Length}");
        }
    }
}
