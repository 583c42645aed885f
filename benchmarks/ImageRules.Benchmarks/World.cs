using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Storage;

namespace ImageRules.Benchmarks;

/// <summary>
/// A world the benchmarks run against: an <see cref="ImageService"/> over a fresh store (in memory unless given), with
/// named regions and makers of ids, accounts, images and grants.
/// </summary>
/// <remarks>
/// Images and grants are written straight into the store with <see cref="IImageStore.TryCommitAsync"/>, one commit
/// per catalogue, not through the service: the store checks every commit, and a world of a million images builds in
/// seconds instead of paying a policy decision and an id per image. Ids and times are derived from numbers, so every
/// run builds the same world. The engine's members decide on <see cref="LoadFactsAsync"/>'s facts: what the service
/// loads for the same request, read once before measuring.
/// </remarks>
internal sealed class World
{
    /// <summary>When the world starts; image <c>n</c> is made <c>n</c> seconds later, so listings have one order.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly Region Guangzhou = ProviderRegion("ap-guangzhou");
    public static readonly Region Shanghai = ProviderRegion("ap-shanghai");
    public static readonly Region HongKong = ProviderRegion("ap-hongkong");
    public static readonly Region Singapore = ProviderRegion("ap-singapore");
    public static readonly Region Tokyo = ProviderRegion("ap-tokyo");

    public static readonly IReadOnlyList<Region> AllRegions = [Guangzhou, Shanghai, HongKong, Singapore, Tokyo];

    public static readonly ImageOperatingSystem TencentOs = new(OsFamily.Linux, OsPlatform.TencentOS, "TencentOS Server 3.1 (TK4)");
    public static readonly ImageOperatingSystem Ubuntu = new(OsFamily.Linux, OsPlatform.Ubuntu, "Ubuntu Server 22.04 LTS 64-bit");
    public static readonly ImageOperatingSystem WindowsServer = new(OsFamily.Windows, OsPlatform.Windows, "Windows Server 2022 Datacenter 64-bit");

    public static readonly InstanceId Instance = new("ins-2zvx0a1b");

    /// <summary>A region of the library's built-in catalogue, so the benchmarks run on the provider's regions as shipped.</summary>
    private static Region ProviderRegion(string id) => ProviderCatalogue.Default.Regions.Single(r => r.Id.Value == id);

    /// <summary>Names for one catalogue's images, made once and shared, so a big world holds no million name strings.</summary>
    private static readonly string[] CatalogueNames = [.. Enumerable.Range(1, 500).Select(i => $"image-{i}")];

    private World(IImageStore store)
    {
        Store = store;
        Service = new ImageService(Policy, store, new SequentialImageIds(), TimeProvider.System);
    }

    public ImagePolicy Policy { get; } = new();

    public IImageStore Store { get; }

    public ImageService Service { get; }

    /// <summary>A world over <paramref name="store"/> (a fresh in-memory one when null), holding <see cref="AllRegions"/> and no account or image yet.</summary>
    public static async Task<World> CreateAsync(IImageStore? store = null)
    {
        var world = new World(store ?? new InMemoryImageStore());
        foreach (var region in AllRegions)
        {
            await world.Service.SaveRegionAsync(region);
        }

        return world;
    }

    /// <summary>Account number <paramref name="n"/>: ten digits.</summary>
    public static AccountId AccountNumber(long n) => new(n.ToString("D10", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Image number <paramref name="n"/>: <c>img-</c> and <paramref name="n"/> in base 36, eight digits.</summary>
    public static ImageId ImageNumber(long n) => new(string.Create(12, n, static (span, value) =>
    {
        const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        "img-".CopyTo(span);
        for (var i = span.Length - 1; i >= 4; i--)
        {
            span[i] = Digits[(int)(value % 36)];
            value /= 36;
        }
    }));

    /// <summary>The name of the <paramref name="index"/>-th image (from 0) of a catalogue.</summary>
    public static string CatalogueName(int index) => CatalogueNames[index];

    /// <summary>A public image of the platform, number <paramref name="n"/>.</summary>
    public static Image PublicImage(long n, Region region, ImageOperatingSystem system) => new()
    {
        Id = ImageNumber(n),
        Region = region.Id,
        Name = system.Name,
        OperatingSystem = system,
        Architecture = Architecture.X86_64,
        SizeGiB = 20,
        State = ImageState.Normal,
        Source = ImageSource.Official,
        CreatedAt = Epoch.AddSeconds(n),
    };

    /// <summary>A custom image of <paramref name="owner"/>, number <paramref name="n"/>.</summary>
    public static Image CustomImage(long n, AccountId owner, Region region, string name, ImageState state = ImageState.Normal) => new()
    {
        Id = ImageNumber(n),
        Owner = owner,
        Region = region.Id,
        Name = name,
        OperatingSystem = TencentOs,
        Architecture = Architecture.X86_64,
        SizeGiB = 50,
        State = state,
        Source = ImageSource.Instance,
        SourceInstance = Instance,
        CreatedAt = Epoch.AddSeconds(n),
    };

    /// <summary>A grant of <paramref name="image"/> (a custom image) to <paramref name="recipient"/>.</summary>
    public static ShareGrant Grant(Image image, AccountId recipient) =>
        new(image.Id, image.Owner!.Value, recipient, image.Region, image.CreatedAt);

    /// <summary>Saves root accounts of Guangzhou with these ids.</summary>
    public async Task AddAccountsAsync(IEnumerable<AccountId> ids)
    {
        foreach (var id in ids)
        {
            await Service.SaveAccountAsync(new Account(id, Guangzhou.Id));
        }
    }

    /// <summary>The facts the store holds for <paramref name="query"/>, as of now: what the service would decide on.</summary>
    public async Task<ImageFacts> LoadFactsAsync(FactsQuery query) =>
        await Store.LoadFactsAsync(query) with { Now = TimeProvider.System.GetUtcNow() };

    /// <summary>Writes <paramref name="images"/>, all of one catalogue, and <paramref name="grants"/> of them in one commit.</summary>
    /// <exception cref="InvalidOperationException">The store refused the commit: the world is not what the benchmark assumes.</exception>
    public async Task CommitAsync(IReadOnlyCollection<Image> images, IReadOnlyCollection<ShareGrant>? grants = null)
    {
        var key = CatalogueKey.Of(images.First());
        var catalogue = await Store.LoadFactsAsync(new FactsQuery(key.Owner ?? default, key.Region) { Catalogue = key });
        var change = new CatalogueChange { Key = key, ExpectedVersion = catalogue.Version, Added = [.. images], GrantsAdded = [.. grants ?? []] };
        if (!await Store.TryCommitAsync(change))
        {
            throw new InvalidOperationException($"the store refused the commit to {key}");
        }
    }
}
