using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Storage;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Application;

public class ImageServiceSetupTests
{
    private static readonly ProviderCatalogue Catalogue = ProviderCatalogue.Default;

    [Fact]
    public void R3_the_default_catalogue_has_unique_well_formed_public_image_ids_each_in_one_of_its_regions()
    {
        var regions = Catalogue.Regions.Select(r => r.Id).ToHashSet();

        Assert.Equal(Catalogue.PublicImages.Length, Catalogue.PublicImages.Select(i => i.Id).Distinct().Count());
        Assert.Equal(Catalogue.Regions.Length, regions.Count);
        Assert.All(Catalogue.PublicImages, image =>
        {
            Assert.True(ImageId.IsWellFormed(image.Id.Value));
            Assert.Contains(image.Region, regions);
            Assert.True(image.IsPublic);
            Assert.Equal(ImageState.Normal, image.State);
        });
        Assert.All(Catalogue.Regions, region => Assert.Contains(Catalogue.PublicImages, i => i.Region == region.Id));
    }

    [Fact]
    public void R3_public_image_ids_are_stable_across_catalogues_of_the_same_regions()
    {
        var again = ProviderCatalogue.WithPublicImages(Catalogue.Regions);

        Assert.Equal(Catalogue.PublicImages.ToArray(), again.PublicImages);
    }

    [Fact]
    public async Task R3_seeding_publishes_every_public_image_once_and_seeding_again_publishes_nothing()
    {
        var world = await TestWorld.CreateAsync();

        var first = await world.Service.SeedAsync(Catalogue);
        var second = await world.Service.SeedAsync(Catalogue);

        Assert.Equal(Catalogue.PublicImages.Length, first);
        Assert.Equal(0, second);
        Assert.Equal(Catalogue.PublicImages.Length, world.Store.ImageCount);
        foreach (var image in Catalogue.PublicImages)
        {
            Assert.Equal(image, await world.Store.FindImageAsync(image.Id));
        }

        foreach (var region in Catalogue.Regions)
        {
            Assert.Equal(region, (await world.Store.LoadFactsAsync(new FactsQuery(Sample.Alice.Id, region.Id))).Region);
        }
    }

    [Fact]
    public async Task R3_seeding_again_leaves_custom_images_and_catalogue_versions_as_they_are()
    {
        var world = await TestWorld.CreateAsync();
        await world.Service.SeedAsync(Catalogue);
        var own = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);
        var publicVersion = (await world.Store.CatalogueAsync(new CatalogueKey(null, Sample.Guangzhou.Id))).Version;

        await world.Service.SeedAsync(Catalogue);

        Assert.Equal(own, await world.Store.FindImageAsync(own.Id));
        Assert.Equal(publicVersion, (await world.Store.CatalogueAsync(new CatalogueKey(null, Sample.Guangzhou.Id))).Version);
        Assert.Equal(Catalogue.PublicImages.Length + 1, world.Store.ImageCount);
    }

    [Fact]
    public async Task R3_seeded_public_images_are_visible_to_every_account_in_their_region()
    {
        var world = await TestWorld.CreateAsync();
        await world.Service.SeedAsync(Catalogue);
        var inGuangzhou = Catalogue.PublicImages.Count(i => i.Region == Sample.Guangzhou.Id);

        foreach (var account in new[] { Sample.Alice, Sample.Sam, Sample.Helper })
        {
            var page = (await world.Service.DescribeImagesAsync(new DescribeImages(account.Id, Sample.Guangzhou.Id, Limit: 100))).Value;
            Assert.Equal(inGuangzhou, page.TotalCount);
            Assert.All(page.Items, v => Assert.Equal(ImageKind.Public, v.Kind));
        }
    }

    [Fact]
    public async Task R3_publishing_an_image_already_published_is_InvalidImageId_Duplicate()
    {
        var world = await TestWorld.CreateAsync();
        var image = Sample.PublicImage(Sample.Guangzhou);
        await world.Service.PublishPublicImageAsync(image);

        var again = await world.Service.PublishPublicImageAsync(image with { Name = "other" });

        Refusal.Is<ImageIdDuplicate>(again.Failure, "InvalidImageId.Duplicate");
        Assert.Equal(image, await world.Store.FindImageAsync(image.Id));
    }

    [Fact]
    public async Task R3_publishing_into_an_unknown_region_is_InvalidRegion_NotFound()
    {
        var world = await TestWorld.CreateAsync();
        var image = Sample.PublicImage(Sample.Guangzhou) with { Region = new("eu-nowhere") };

        Refusal.Is<RegionNotFound>((await world.Service.PublishPublicImageAsync(image)).Failure, "InvalidRegion.NotFound");
        Assert.Equal(0, world.Store.ImageCount);
    }

    [Fact]
    public async Task R3_publishing_an_image_with_an_owner_throws()
    {
        var world = await TestWorld.CreateAsync();

        var thrown = await Assert.ThrowsAsync<ArgumentException>(async () => await world.Service.PublishPublicImageAsync(Sample.CustomImage(Sample.Alice, Sample.Guangzhou)));

        Assert.Contains("has an owner", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R3_a_published_image_is_an_ImagePublished_event()
    {
        var world = await TestWorld.CreateAsync();
        var observer = new RecordingObserver();
        var image = Sample.PublicImage(Sample.Guangzhou);

        var published = await world.ObservedBy(observer).PublishPublicImageAsync(image);

        Assert.Equal(new ImagePublished(image, Sample.Now), published.Value);
        Assert.Equal(new IImageEvent[] { published.Value }, observer.Events);
    }

    [Fact]
    public async Task R11_R21_an_in_memory_service_applies_the_given_options_and_starts_empty()
    {
        var service = ImageService.InMemory(new ImageRulesOptions { Profile = ImageRulesProfile.Provider2025, MaxCustomImagesPerRegion = 20 });
        await service.SaveRegionAsync(Sample.Guangzhou);
        await service.SaveAccountAsync(Sample.Alice);

        var quota = await service.DescribeQuotaAsync(new DescribeQuota(Sample.Alice.Id, Sample.Guangzhou.Id));

        Assert.Equal((20, 500), (service.Policy.MaxCustomImagesPerRegion, service.Policy.MaxShareRecipientsPerImage));
        Assert.Equal((0, 20), (quota.Value.Used, quota.Value.Limit));
        Assert.Equal((10, 50), (ImageService.InMemory().Policy.MaxCustomImagesPerRegion, ImageService.InMemory().Policy.MaxShareRecipientsPerImage));
    }
}
