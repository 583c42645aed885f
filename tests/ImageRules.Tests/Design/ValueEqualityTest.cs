using System.Collections.Immutable;
using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Persistence;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Design;

/// <summary>Records that hold immutable arrays still compare by value, as every other record of the library does.</summary>
public class ValueEqualityTest
{
    private static readonly Image Image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);

    private static ImmutableArray<ShareGrant> Grants() => [Sample.Grant(Image, Sample.Bob), Sample.Grant(Image, Sample.Carol)];

    [Fact]
    public void R20_share_events_with_the_same_grants_are_equal()
    {
        Assert.Equal(new ImageShared(Image, Grants(), Sample.Now), new ImageShared(Image, Grants(), Sample.Now));
        Assert.NotEqual(new ImageShared(Image, Grants(), Sample.Now), new ImageShared(Image, Grants()[..1], Sample.Now));
        Assert.Equal(new ImageSharingCancelled(Image, Grants(), Sample.Now), new ImageSharingCancelled(Image, Grants(), Sample.Now));
    }

    [Fact]
    public void R2_pages_with_the_same_items_are_equal()
    {
        ImmutableArray<VisibleImage> Items() => [new VisibleImage(Image, ImageKind.Custom)];

        Assert.Equal(new ImagePage(Items(), 1), new ImagePage(Items(), 1));
        Assert.NotEqual(new ImagePage(Items(), 1), new ImagePage(Items(), 2));
    }

    [Fact]
    public void R11_catalogue_snapshots_with_the_same_images_are_equal()
    {
        var key = CatalogueKey.Of(Image);

        Assert.Equal(new ImageCatalogue(key, 3, [Image]), new ImageCatalogue(key, 3, [Image]));
        Assert.NotEqual(new ImageCatalogue(key, 3, [Image]), new ImageCatalogue(key, 4, [Image]));
    }
}
