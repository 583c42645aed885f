using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy;
using ImageRules.Relational;

namespace ImageRules.Benchmarks;

/// <summary>
/// Whether time tells a hidden image from a missing id (R6, issue 11): a stranger asks for (<c>Get…</c>) and deletes
/// (<c>Delete…</c>) an image of an owner with a full catalogue (<see cref="CatalogueImages"/> images) whose image is
/// shared with <see cref="Recipients"/> accounts, beside the same calls naming an id that does not exist (the
/// <c>Baseline</c> of each category, so <c>Ratio</c> reads "hidden ÷ missing": equal work is about 1.0), over SQLite
/// and, when <see cref="StorageBenchmarks.PostgresVariable"/> is set, PostgreSQL.
/// </summary>
/// <remarks>Before measuring, every member must answer <c>InvalidImageId.NotFound</c>; a refused delete writes nothing, so every invocation starts alike.</remarks>
[MemoryDiagnoser]
[MedianColumn]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class HiddenImageBenchmarks
{
    /// <summary>The owner's images in the region: the provider's 2025 quota, full.</summary>
    public const int CatalogueImages = 500;

    /// <summary>The accounts the hidden image is shared with: the provider's 2025 share limit.</summary>
    public const int Recipients = 500;

    private const string GetCategory = "Get";
    private const string DeleteCategory = "Delete";

    private readonly AccountId owner = World.AccountNumber(1_000_000_001);
    private readonly AccountId stranger = World.AccountNumber(2_000_000_001);
    private readonly RegionId region = World.Guangzhou.Id;
    private readonly ImageId missing = World.ImageNumber(9_999_999);
    private World world = null!;
    private DurableStore database = null!;
    private ImageId hidden;

    /// <summary>SQLite always; PostgreSQL only when <see cref="StorageBenchmarks.PostgresVariable"/> names a server.</summary>
    [ParamsSource(nameof(Engines))]
    public StorageEngine Store { get; set; }

    /// <summary>The engines of the run.</summary>
    public static IEnumerable<StorageEngine> Engines => StorageBenchmarks.Engines;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        database = await DurableStore.OpenAsync(Store);
        world = await World.CreateAsync(new RelationalImageStore(database.Database));
        var recipients = Enumerable.Range(1, Recipients).Select(i => World.AccountNumber(3_000_000_000 + i)).ToArray();
        await world.AddAccountsAsync([owner, stranger, .. recipients]);
        var images = Enumerable.Range(1, CatalogueImages).Select(i => World.CustomImage(i, owner, World.Guangzhou, World.CatalogueName(i - 1))).ToArray();
        await world.CommitAsync(images, [.. recipients.Select(r => World.Grant(images[0], r))]);
        hidden = images[0].Id;
        await CheckEveryMemberAsync();
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        await ((RelationalImageStore)world.Store).DisposeAsync();
        await database.RemoveAsync();
    }

    /// <summary>The stranger asks for an id that does not exist.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(GetCategory)]
    public ValueTask<Result<VisibleImage>> GetMissing() => GetAsync(missing);

    /// <summary>The stranger asks for the owner's image.</summary>
    [Benchmark]
    [BenchmarkCategory(GetCategory)]
    public ValueTask<Result<VisibleImage>> GetHidden() => GetAsync(hidden);

    /// <summary>The stranger deletes an id that does not exist.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(DeleteCategory)]
    public ValueTask<Result<ImageDeleted>> DeleteMissing() => DeleteAsync(missing);

    /// <summary>The stranger deletes the owner's image.</summary>
    [Benchmark]
    [BenchmarkCategory(DeleteCategory)]
    public ValueTask<Result<ImageDeleted>> DeleteHidden() => DeleteAsync(hidden);

    private ValueTask<Result<VisibleImage>> GetAsync(ImageId id) => world.Service.GetImageAsync(new GetImage(stranger, region, id));

    private ValueTask<Result<ImageDeleted>> DeleteAsync(ImageId id) => world.Service.DeleteImageAsync(new DeleteImage(stranger, region, id));

    /// <summary>Throws unless every member answers not found, as R6 requires of both ids.</summary>
    private async Task CheckEveryMemberAsync()
    {
        string?[] codes = [(await GetMissing()).Failure?.Code, (await GetHidden()).Failure?.Code, (await DeleteMissing()).Failure?.Code, (await DeleteHidden()).Failure?.Code];
        if (codes.Any(c => c != "InvalidImageId.NotFound"))
        {
            throw new InvalidOperationException($"every member must answer InvalidImageId.NotFound: {string.Join(", ", codes)}");
        }
    }
}
