using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Persistence;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Policy.Requests;

namespace ImageRules.Benchmarks;

/// <summary>
/// Creating a custom image at the quota boundary (R11, with the name check of R12 before it): the 10th image of an
/// account in a region is allowed, the 11th refused with <see cref="CustomImageQuotaExceeded"/>.
/// </summary>
/// <remarks>
/// The refused create changes nothing, so it is measured as it is. The allowed one adds an image, so each invocation
/// of the service member then removes it with one store commit (<see cref="InMemoryImageStore.TryCommitAsync"/>,
/// <c>Deleted</c>), and the next starts again from nine images; that commit is part of the figure (it is small next to
/// the create: no policy, one lock). The floor likewise adds and removes the name; the engine only decides, which
/// changes nothing. Before measuring, every member must give the rules' answer.
/// </remarks>
[MemoryDiagnoser]
[MedianColumn]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class CreateAtQuotaBenchmarks
{
    private const string Allowed = "Create10thAllowed";
    private const string Refused = "Create11thRefused";

    private readonly AccountId nine = World.AccountNumber(1_000_000_001);
    private readonly AccountId full = World.AccountNumber(1_000_000_002);
    private readonly HashSet<string> nineNames = [];
    private readonly HashSet<string> fullNames = [];
    private readonly CreateImageRequest request = new(World.Instance, World.Guangzhou.Id, "web-server", World.TencentOs, Architecture.X86_64, 50);
    private readonly NewImage newImage = new(World.ImageNumber(1_000), World.Epoch);
    private World world = null!;
    private Image[] nineImages = [];
    private Image[] fullImages = [];
    private long nineVersion;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        world = await World.CreateAsync();
        await world.AddAccountsAsync([nine, full]);
        var quota = world.Policy.Options.MaxCustomImagesPerRegion;
        nineImages = [.. Enumerable.Range(0, quota - 1).Select(i => World.CustomImage(1 + i, nine, World.Guangzhou, World.CatalogueName(i)))];
        fullImages = [.. Enumerable.Range(0, quota).Select(i => World.CustomImage(100 + i, full, World.Guangzhou, World.CatalogueName(i)))];
        await world.CommitAsync(nineImages);
        await world.CommitAsync(fullImages);
        nineNames.UnionWith(nineImages.Select(i => i.Name));
        fullNames.UnionWith(fullImages.Select(i => i.Name));
        nineVersion = (await world.Images.GetCatalogueAsync(new CatalogueKey(nine, World.Guangzhou.Id))).Version;
        await CheckEveryMemberAsync();
    }

    /// <summary>The least work: the name is free and there is room; record the name, then forget it.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Allowed)]
    public bool FloorAllowed() => TakeSlot(nineNames);

    /// <summary>Our engine decides the 10th image from the nine it is shown.</summary>
    [Benchmark]
    [BenchmarkCategory(Allowed)]
    public Result<ImageCreated> EngineAllowed() =>
        world.Policy.CreateFromInstance(request, nine, World.Guangzhou, nineImages, newImage);

    /// <summary>Our service creates the 10th image; the store commit that removes it again is part of the figure.</summary>
    [Benchmark]
    [BenchmarkCategory(Allowed)]
    public async ValueTask<Result<ImageCreated>> ServiceAllowed()
    {
        var created = await world.Service.CreateImageAsync(nine, request);
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
    public Result<ImageCreated> EngineRefused() =>
        world.Policy.CreateFromInstance(request, full, World.Guangzhou, fullImages, newImage);

    /// <summary>Our service refuses the 11th image; nothing is written.</summary>
    [Benchmark]
    [BenchmarkCategory(Refused)]
    public ValueTask<Result<ImageCreated>> ServiceRefused() => world.Service.CreateImageAsync(full, request);

    private bool TakeSlot(HashSet<string> names)
    {
        if (names.Contains(request.Name) || names.Count >= world.Policy.Options.MaxCustomImagesPerRegion)
        {
            return false;
        }

        names.Add(request.Name);
        names.Remove(request.Name);
        return true;
    }

    /// <summary>Removes the image the service just made, at the version its create left, so nine images remain.</summary>
    private async ValueTask RemoveAsync(Image image)
    {
        var change = new CatalogueChange { Key = CatalogueKey.Of(image), ExpectedVersion = nineVersion + 1, Deleted = [image.Id] };
        if (!await world.Images.TryCommitAsync(change))
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
            var count = (await world.Images.GetCatalogueAsync(new CatalogueKey(nine, World.Guangzhou.Id))).Images.Length;
            if (!allowed || !refusedByQuota || count != nineImages.Length)
            {
                throw new InvalidOperationException($"the quota boundary is not where the benchmark assumes: allowed {allowed}, refused {refusedByQuota}, images {count}");
            }
        }
    }
}
