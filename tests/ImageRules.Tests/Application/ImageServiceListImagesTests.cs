using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Application;

public class ImageServiceListImagesTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(230)]
    public async Task R2_listing_reads_every_visible_image_newest_first_a_page_of_100_at_a_time(int count)
    {
        var world = await TestWorld.CreateAsync(new ImageRulesOptions { Profile = ImageRulesProfile.Provider2025 });
        var created = new List<ImageId>();
        for (var i = 0; i < count; i++)
        {
            world.Clock.Advance(TimeSpan.FromSeconds(1));
            created.Add((await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, $"image-{i}"))).Value.Image.Id);
        }

        var store = new CountingImageStore(world.Store);
        var listed = await ListAsync(world.Over(store), Sample.Alice, Sample.Guangzhou);

        Assert.Equal(Enumerable.Reverse(created), listed.Select(v => v.Image.Id));
        Assert.All(listed, v => Assert.Equal(ImageKind.Custom, v.Kind));
        Assert.Equal((count / PageRequest.MaxLimit) + 1, store.Count(CountingImageStore.QueryVisible));
    }

    [Fact]
    public async Task R1_R3_R4_R5_listing_passes_the_filter_and_gives_each_image_its_kind()
    {
        var world = await TestWorld.CreateAsync();
        var (bobSees, shared) = await ImageServiceDescribeImagesTests.OneOfEachKindForBobAsync(world);

        var all = await ListAsync(world.Service, Sample.Bob, Sample.Guangzhou);
        var onlyShared = await ListAsync(world.Service, Sample.Bob, Sample.Guangzhou, new ImageFilter { Kind = ImageKind.Shared });
        var elsewhere = await ListAsync(world.Service, Sample.Bob, Sample.Shanghai);

        Assert.Equal(bobSees, all.ToDictionary(v => v.Image.Id, v => v.Kind));
        Assert.Equal([new VisibleImage(shared, ImageKind.Shared)], onlyShared);
        Assert.Empty(elsewhere);
    }

    [Fact]
    public async Task R37_listing_shows_an_image_past_its_transition_timeout_as_failed()
    {
        var world = await TestWorld.CreateAsync();
        var image = (await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou))).Value.Image;
        world.Clock.Advance(TimeSpan.FromHours(2));

        var listed = Assert.Single(await ListAsync(world.Service, Sample.Alice, Sample.Guangzhou));

        Assert.Equal(image with { State = ImageState.CreateFailed }, listed.Image);
    }

    [Fact]
    public async Task R37_a_state_filter_lists_the_images_in_the_state_shown()
    {
        var world = await TestWorld.CreateAsync();
        var old = (await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, "old"))).Value.Image;
        world.Clock.Advance(world.Service.Policy.TransitionTimeout + TimeSpan.FromSeconds(1));
        var recent = (await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, "recent"))).Value.Image;

        var creating = await ListAsync(world.Service, Sample.Alice, Sample.Guangzhou, new ImageFilter { State = ImageState.Creating });
        var failed = await ListAsync(world.Service, Sample.Alice, Sample.Guangzhou, new ImageFilter { State = ImageState.CreateFailed });

        Assert.Equal([recent], creating.Select(v => v.Image));
        Assert.Equal([old with { State = ImageState.CreateFailed }], failed.Select(v => v.Image));
    }

    [Fact]
    public async Task R37_every_page_of_a_listing_is_seen_as_of_its_start()
    {
        // 101 images in progress that time out while the first page is read: the second page still lists them as in
        // progress, as the first did, so a state filter neither drops nor changes them half-way.
        var world = await TestWorld.CreateAsync(new ImageRulesOptions { Profile = ImageRulesProfile.Provider2025 });
        for (var i = 0; i <= PageRequest.MaxLimit; i++)
        {
            await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, $"image-{i}"));
        }

        var listed = new List<VisibleImage>();
        await foreach (var visible in world.Service.ListImagesAsync(Sample.Alice.Id, Sample.Guangzhou.Id, new ImageFilter { State = ImageState.Creating }))
        {
            listed.Add(visible);
            if (listed.Count == 1)
            {
                world.Clock.Advance(world.Service.Policy.TransitionTimeout + TimeSpan.FromSeconds(1));
            }
        }

        Assert.Equal(PageRequest.MaxLimit + 1, listed.Count);
        Assert.All(listed, v => Assert.Equal(ImageState.Creating, v.Image.State));
    }

    [Fact]
    public async Task R7_listing_for_an_unknown_caller_or_region_throws_with_the_provider_code()
    {
        var world = await TestWorld.CreateAsync();

        var byStranger = await Assert.ThrowsAsync<InvalidOperationException>(() => ListAsync(world.Service, new Account(new AccountId("99999999"), Sample.Guangzhou.Id), Sample.Guangzhou));
        var nowhere = await Assert.ThrowsAsync<InvalidOperationException>(() => ListAsync(world.Service, Sample.Alice, Sample.Guangzhou with { Id = new RegionId("eu-nowhere") }));

        Assert.StartsWith("InvalidAccountId.NotFound", byStranger.Message, StringComparison.Ordinal);
        Assert.StartsWith("InvalidRegion.NotFound", nowhere.Message, StringComparison.Ordinal);
    }

    private static async Task<List<VisibleImage>> ListAsync(ImageService service, Account caller, Region region, ImageFilter? filter = null)
    {
        var listed = new List<VisibleImage>();
        await foreach (var visible in service.ListImagesAsync(caller.Id, region.Id, filter))
        {
            listed.Add(visible);
        }

        return listed;
    }
}
