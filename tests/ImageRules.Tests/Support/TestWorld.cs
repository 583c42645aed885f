using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Policy;
using Microsoft.Extensions.Time.Testing;

namespace ImageRules.Tests.Support;

/// <summary>
/// An <see cref="ImageService"/> over a fresh, empty store (see <see cref="TestStores"/>: in-memory here, a database
/// in the storage test projects, which compile these same service tests), a fake clock at <see cref="Sample.Now"/>
/// and sequential ids, holding <see cref="Sample.Regions"/> and <see cref="Sample.Accounts"/>.
/// </summary>
public sealed class TestWorld
{
    private TestWorld(ImageRulesOptions options, TestImageStore store)
    {
        Store = store;
        Service = new ImageService(new ImagePolicy(options), Store, Ids, Clock);
    }

    public TestImageStore Store { get; }

    public SequentialImageIds Ids { get; } = new();

    public FakeTimeProvider Clock { get; } = new(Sample.Now);

    public ImageService Service { get; }

    /// <summary>A world under <paramref name="options"/> (the seed profile when null).</summary>
    public static async Task<TestWorld> CreateAsync(ImageRulesOptions? options = null)
    {
        var world = new TestWorld(options ?? new ImageRulesOptions(), await TestStores.CreateAsync());
        foreach (var region in Sample.Regions)
        {
            await world.Service.SaveRegionAsync(region);
        }

        foreach (var account in Sample.Accounts)
        {
            await world.Service.SaveAccountAsync(account);
        }

        return world;
    }

    /// <summary>Creates a custom image of <paramref name="owner"/> and completes it, so it is <c>Normal</c>.</summary>
    public async Task<Image> ReadyImageAsync(Account owner, Region region, string name = "web-server")
    {
        var created = (await Service.CreateImageAsync(Sample.Create(owner, region, name))).Value;
        return (await Service.CompleteImageAsync(created.Image.Id, succeeded: true)).Value.Image;
    }
}
