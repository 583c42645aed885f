using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Storage;

namespace ImageRules.Benchmarks;

/// <summary>
/// Creating a custom image at the quota boundary (R11, with the name check of R12 before it): the 10th image of an
/// account in a region is allowed, the 11th refused with <see cref="CustomImageQuotaExceeded"/>.
/// </summary>
/// <remarks>
/// The refused create changes nothing, so it is measured as it is. The allowed one adds an image, so each invocation
/// of the service member then removes it with one store commit (<see cref="IImageStore.TryCommitAsync"/>,
/// <c>Deleted</c>), and the next starts again from nine images; that commit is part of the figure (it is small next to
/// the create: no policy, one lock). The floor likewise adds and removes the name; the engine only decides, on the
/// caller's catalogue loaded once, which changes nothing. Before measuring, every member must give the rules' answer.
/// </remarks>
[MemoryDiagnoser]
[MedianColumn]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class CreateAtQuotaBenchmarks
{
    private const string Allowed = "Create10thAllowed";
    private const string Refused = "Create11thRefused";
    private const string Name = "web-server";

    private readonly AccountId nine = World.AccountNumber(1_000_000_001);
    private readonly AccountId full = World.AccountNumber(1_000_000_002);
    private readonly HashSet<string> nineNames = [];
    private readonly HashSet<string> fullNames = [];
    private World world = null!;
    private CreateImage tenth = null!;
    private CreateImage eleventh = null!;
    private ImageFacts nineFacts = null!;
    private ImageFacts fullFacts = null!;
    private long nineVersion;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        world = await World.CreateAsync();
        await world.AddAccountsAsync([nine, full]);
        var quota = world.Policy.MaxCustomImagesPerRegion;
        var nineImages = Enumerable.Range(0, quota - 1).Select(i => World.CustomImage(1 + i, nine, World.Guangzhou, World.CatalogueName(i))).ToArray();
        var fullImages = Enumerable.Range(0, quota).Select(i => World.CustomImage(100 + i, full, World.Guangzhou, World.CatalogueName(i))).ToArray();
        await world.CommitAsync(nineImages);
        await world.CommitAsync(fullImages);
        nineNames.UnionWith(nineImages.Select(i => i.Name));
        fullNames.UnionWith(fullImages.Select(i => i.Name));

        tenth = new CreateImage(nine, World.Guangzhou.Id, World.Instance, Name, OperatingSystem: World.TencentOs, SizeGiB: 50);
        eleventh = tenth with { Caller = full };
        nineFacts = await CatalogueFactsAsync(nine);
        fullFacts = await CatalogueFactsAsync(full);
        nineVersion = nineFacts.Version;
        await CheckEveryMemberAsync();
    }

    /// <summary>The least work: the name is free and there is room; record the name, then forget it.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Allowed)]
    public bool FloorAllowed() => TakeSlot(nineNames);

    /// <summary>Our engine decides the 10th image from the nine it is shown.</summary>
    [Benchmark]
    [BenchmarkCategory(Allowed)]
    public Result<ImageCreated> EngineAllowed() => world.Policy.Decide(tenth, nineFacts);

    /// <summary>Our service creates the 10th image; the store commit that removes it again is part of the figure.</summary>
    [Benchmark]
    [BenchmarkCategory(Allowed)]
    public async ValueTask<Result<ImageCreated>> ServiceAllowed()
    {
        var created = await world.Service.CreateImageAsync(tenth);
        if (created.TryGetValue(out var made, out _))
        {
            await RemoveAsync(made.Image);
        }

        return created;
    }

    /// <summary>The least work: the name is free but there is no room.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Refused)]
    public bool FloorRefused() => TakeSlot(fullNames);

    /// <summary>Our engine refuses the 11th image.</summary>
    [Benchmark]
    [BenchmarkCategory(Refused)]
    public Result<ImageCreated> EngineRefused() => world.Policy.Decide(eleventh, fullFacts);

    /// <summary>Our service refuses the 11th image; nothing is written.</summary>
    [Benchmark]
    [BenchmarkCategory(Refused)]
    public ValueTask<Result<ImageCreated>> ServiceRefused() => world.Service.CreateImageAsync(eleventh);

    private bool TakeSlot(HashSet<string> names)
    {
        if (names.Contains(Name) || names.Count >= world.Policy.MaxCustomImagesPerRegion)
        {
            return false;
        }

        names.Add(Name);
        names.Remove(Name);
        return true;
    }

    /// <summary>What the service loads to create an image for <paramref name="caller"/>: its catalogue in Guangzhou, with an unused id.</summary>
    private async Task<ImageFacts> CatalogueFactsAsync(AccountId caller) =>
        await world.LoadFactsAsync(new FactsQuery(caller, World.Guangzhou.Id) { Catalogue = new CatalogueKey(caller, World.Guangzhou.Id) })
            with { NewImageId = World.ImageNumber(1_000) };

    /// <summary>Removes the image the service just made, at the version its create left, so nine images remain.</summary>
    private async ValueTask RemoveAsync(Image image)
    {
        var change = new CatalogueChange { Key = CatalogueKey.Of(image), ExpectedVersion = nineVersion + 1, Deleted = [image.Id] };
        if (!await world.Store.TryCommitAsync(change))
        {
            throw new InvalidOperationException($"the store refused to remove {image.Id}");
        }

        nineVersion += 2;
    }

    /// <summary>Throws unless the 10th image is allowed and the 11th refused for the quota by every member, twice over.</summary>
    private async Task CheckEveryMemberAsync()
    {
        for (var round = 0; round < 2; round++)
        {
            var allowed = FloorAllowed() && EngineAllowed().IsSuccess && (await ServiceAllowed()).IsSuccess;
            var refusedByQuota = !FloorRefused()
                && EngineRefused().Failure is CustomImageQuotaExceeded
                && (await ServiceRefused()).Failure is CustomImageQuotaExceeded;
            var count = (await CatalogueFactsAsync(nine)).Catalogue.Length;
            if (!allowed || !refusedByQuota || count != nineFacts.Catalogue.Length)
            {
                throw new InvalidOperationException($"the quota boundary is not where the benchmark assumes: allowed {allowed}, refused {refusedByQuota}, images {count}");
            }
        }
    }
}
