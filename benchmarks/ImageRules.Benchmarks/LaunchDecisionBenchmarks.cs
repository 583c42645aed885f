using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace ImageRules.Benchmarks;

/// <summary>
/// "May account A launch image I in region R?" (R30) four ways, cycling through four requests that are all allowed
/// or all refused (<see cref="Outcome"/>), with the shared image granted to 1, 10 or 50 accounts (<see cref="Grants"/>):
/// a hand-written floor, our engine (<see cref="ImagePolicy.Decide(LaunchImage, ImageFacts)"/>, as a result and as the
/// allocation-free <see cref="LaunchDecision"/>), our service over the in-memory store (with no telemetry listener,
/// and with <see cref="TelemetryListeners"/> attached), and ASP.NET Core's resource-based authorization.
/// </summary>
/// <remarks>
/// The floor and the peer start from an index of images by id; the engine from each request's record and the facts
/// the store holds for it, built once (as a host that keeps facts at hand would); the service loads those facts from
/// its store every time. Before measuring, every member is run on every request and must give the answer the rules
/// give, so no member is measured answering something else.
/// </remarks>
[MemoryDiagnoser]
[MedianColumn]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class LaunchDecisionBenchmarks
{
    private const string Category = "Launch";

    private static readonly Task<AuthorizationResult> NotFound = Task.FromResult(AuthorizationResult.Failed());

    private readonly Dictionary<ImageId, LaunchEntry> index = [];
    private World world = null!;
    private ServiceProvider? container;
    private TelemetryListeners? listeners;
    private IAuthorizationService authorization = null!;
    private LaunchRequest[] requests = [];
    private int next;

    /// <summary>How many accounts the shared image is granted to.</summary>
    [Params(1, 10, 50)]
    public int Grants { get; set; }

    /// <summary>Whether the requests cycled through are allowed or refused.</summary>
    [Params(LaunchOutcome.Allowed, LaunchOutcome.Refused)]
    public LaunchOutcome Outcome { get; set; }

    /// <summary>Builds the world with no telemetry listener attached.</summary>
    [GlobalSetup(Targets = new[] { nameof(Floor), nameof(Engine), nameof(EngineDecision), nameof(Service), nameof(AspNetCoreAuthorization) })]
    public Task SetUpAsync() => SetUpWorldAsync();

    /// <summary>Attaches an activity and a meter listener to ImageRules' telemetry for this process, then builds the world.</summary>
    [GlobalSetup(Target = nameof(ServiceListened))]
    public async Task SetUpListenedAsync() => listeners = await TelemetryListeners.AttachAroundAsync(SetUpWorldAsync);

    private async Task SetUpWorldAsync()
    {
        world = await World.CreateAsync();
        var owner = World.AccountNumber(1_000_000_001);
        var stranger = World.AccountNumber(3_000_000_001);
        var other = World.AccountNumber(4_000_000_001);
        var recipients = Enumerable.Range(1, Grants).Select(i => World.AccountNumber(2_000_000_000 + i)).ToArray();
        await world.AddAccountsAsync([owner, stranger, other, .. recipients]);

        var publicLinux = World.PublicImage(1, World.Guangzhou, World.Ubuntu);
        var publicWindows = World.PublicImage(2, World.Singapore, World.WindowsServer);
        var own = World.CustomImage(3, owner, World.Guangzhou, World.CatalogueName(0));
        var shared = World.CustomImage(4, owner, World.Guangzhou, World.CatalogueName(1));
        // Made now, so it is still being created (not yet failed by its transition timeout, R37) while the run lasts.
        var creating = World.CustomImage(5, owner, World.Guangzhou, World.CatalogueName(2), ImageState.Creating) with { CreatedAt = TimeProvider.System.GetUtcNow() };
        var hidden = World.CustomImage(6, other, World.Guangzhou, World.CatalogueName(0));
        await world.CommitAsync([publicLinux]);
        await world.CommitAsync([publicWindows]);
        await world.CommitAsync([own, shared, creating], [.. recipients.Select(r => World.Grant(shared, r))]);
        await world.CommitAsync([hidden]);
        foreach (var image in new[] { publicLinux, publicWindows, own, creating, hidden })
        {
            index.Add(image.Id, new LaunchEntry(image, []));
        }

        index.Add(shared.Id, new LaunchEntry(shared, [.. recipients]));

        var services = new ServiceCollection().AddLogging().AddAuthorizationCore();
        services.AddSingleton<IAuthorizationHandler>(new LaunchImageHandler(index.ToDictionary(e => e.Key, e => e.Value.Recipients)));
        container = services.BuildServiceProvider();
        authorization = container.GetRequiredService<IAuthorizationService>();

        var recipient = recipients[^1];
        async Task<LaunchRequest> AskAsync(AccountId caller, Region region, Image image, LaunchReason? reason, string? code)
        {
            var launch = new LaunchImage(caller, region.Id, image.Id);
            var facts = await world.LoadFactsAsync(new FactsQuery(caller, region.Id) { Image = image.Id });
            return new LaunchRequest(caller, LaunchImageHandler.Principal(caller), region, image.Id, launch, facts, reason, code);
        }

        const string NotVisible = "InvalidImageId.NotFound";
        requests = Outcome == LaunchOutcome.Allowed
            ?
            [
                await AskAsync(stranger, World.Guangzhou, publicLinux, LaunchReason.PublicImage, null),
                await AskAsync(stranger, World.Singapore, publicWindows, LaunchReason.PublicImage, null),
                await AskAsync(owner, World.Guangzhou, own, LaunchReason.Owner, null),
                await AskAsync(recipient, World.Guangzhou, shared, LaunchReason.ShareGrant, null),
            ]
            :
            [
                await AskAsync(stranger, World.Guangzhou, shared, null, NotVisible),
                await AskAsync(recipient, World.Singapore, shared, null, NotVisible),
                await AskAsync(owner, World.Guangzhou, creating, null, "InvalidParameterValue.InvalidImageState"),
                await AskAsync(stranger, World.Guangzhou, hidden, null, NotVisible),
            ];
        await CheckEveryMemberAsync();
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        container?.Dispose();
        listeners?.Dispose();
    }

    /// <summary>The least work the question needs: one dictionary lookup and one hash-set membership test.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Category)]
    public bool Floor()
    {
        var request = Next();
        return index.TryGetValue(request.Image, out var entry)
            && entry.Image.Region == request.Region.Id
            && entry.Image.State == ImageState.Normal
            && (entry.Image.Owner is not { } owner || owner == request.Caller || entry.Recipients.Contains(request.Caller));
    }

    /// <summary>Our engine as most callers use it: a permit or a named failure.</summary>
    [Benchmark]
    [BenchmarkCategory(Category)]
    public Result<LaunchPermit> Engine()
    {
        var request = Next();
        return world.Policy.Decide(request.Launch, request.Facts).ToResult();
    }

    /// <summary>Our engine's allocation-free decision: the failure record is built only if asked for.</summary>
    [Benchmark]
    [BenchmarkCategory(Category)]
    public LaunchDecision EngineDecision()
    {
        var request = Next();
        return world.Policy.Decide(request.Launch, request.Facts);
    }

    /// <summary>Our service: the store loads the facts (caller, region, image and the caller's grant), then the engine decides.</summary>
    [Benchmark]
    [BenchmarkCategory(Category)]
    public ValueTask<LaunchDecision> Service()
    {
        var request = Next();
        return world.Service.DecideLaunchAsync(request.Launch);
    }

    /// <summary>
    /// <see cref="Service"/> with an <see cref="System.Diagnostics.ActivityListener"/> and a
    /// <see cref="System.Diagnostics.Metrics.MeterListener"/> attached to ImageRules' source and meter (issue 13): a
    /// span and its tags, the operations counter and the duration histogram are recorded on every call.
    /// </summary>
    [Benchmark]
    [BenchmarkCategory(Category)]
    public ValueTask<LaunchDecision> ServiceListened()
    {
        var request = Next();
        return world.Service.DecideLaunchAsync(request.Launch);
    }

    /// <summary>The peer: the endpoint finds the image in its region, then asks <see cref="IAuthorizationService"/>.</summary>
    [Benchmark]
    [BenchmarkCategory(Category)]
    public Task<AuthorizationResult> AspNetCoreAuthorization()
    {
        var request = Next();
        return index.TryGetValue(request.Image, out var entry) && entry.Image.Region == request.Region.Id
            ? authorization.AuthorizeAsync(request.User, entry.Image, LaunchImageHandler.Launch)
            : NotFound;
    }

    private LaunchRequest Next()
    {
        var request = requests[next];
        next = next == requests.Length - 1 ? 0 : next + 1;
        return request;
    }

    /// <summary>Runs every member on every request and throws unless each gives the rules' answer.</summary>
    private async Task CheckEveryMemberAsync()
    {
        for (var i = 0; i < requests.Length; i++)
        {
            var request = requests[i];
            next = i;
            var floor = Floor();
            next = i;
            var engine = Engine();
            next = i;
            var decision = EngineDecision();
            next = i;
            var service = await Service();
            next = i;
            var listened = await ServiceListened();
            next = i;
            var peer = await AspNetCoreAuthorization();
            var answer = engine.Match(permit => permit.Reason.ToString(), failure => failure.Code);
            var expected = request.Reason?.ToString() ?? request.Code;
            if (answer != expected || floor != request.Allowed || decision.IsAllowed != request.Allowed || decision.ToResult() != engine
                || service.ToResult() != engine || listened.ToResult() != engine || peer.Succeeded != request.Allowed)
            {
                throw new InvalidOperationException($"the members disagree on {request.Launch}: engine {answer}, floor {floor}, decision {decision}, service {service}, peer {peer.Succeeded}");
            }
        }

        next = 0;
    }
}
