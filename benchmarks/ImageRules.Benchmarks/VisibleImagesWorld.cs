using ImageRules.Domain;

namespace ImageRules.Benchmarks;

/// <summary>
/// The world the describe benchmarks read: one viewer who sees 50 images in Guangzhou (20 public, 10 of its own and
/// 20 shared with it) however big the world grows.
/// </summary>
/// <remarks>
/// The rest of the world is other accounts' custom images, ten per account and region over five regions, one in ten
/// of them shared with another account; each region also has 20 public images.
/// </remarks>
internal static class VisibleImagesWorld
{
    public const int PublicPerRegion = 20;
    public const int OwnImages = 10;
    public const int SharedImages = 20;

    /// <summary>How many images the viewer sees in Guangzhou.</summary>
    public const int Visible = PublicPerRegion + OwnImages + SharedImages;

    private const int PerCatalogue = 10;

    /// <summary>The account whose view is described: a root account of Guangzhou.</summary>
    public static readonly AccountId Viewer = World.AccountNumber(1_000_000_001);

    /// <summary>
    /// Hands the world's <paramref name="images"/> images to <paramref name="commit"/>, one catalogue (its images and
    /// the grants of them) at a time; the caller saves <see cref="Viewer"/>.
    /// </summary>
    public static async Task BuildAsync(int images, Func<Image[], ShareGrant[], Task> commit)
    {
        long imageNumber = 0;
        Image[] CatalogueOf(AccountId owner, Region place, int count) =>
            [.. Enumerable.Range(0, count).Select(i => World.CustomImage(++imageNumber, owner, place, World.CatalogueName(i)))];

        foreach (var place in World.AllRegions)
        {
            await commit([.. Enumerable.Range(0, PublicPerRegion).Select(i => World.PublicImage(++imageNumber, place, World.Ubuntu))], []);
        }

        await commit(CatalogueOf(Viewer, World.Guangzhou, OwnImages), []);
        for (var sharer = 0; sharer < SharedImages / PerCatalogue; sharer++)
        {
            var shared = CatalogueOf(World.AccountNumber(2_000_000_001 + sharer), World.Guangzhou, PerCatalogue);
            await commit(shared, [.. shared.Select(i => World.Grant(i, Viewer))]);
        }

        var catalogues = (images - imageNumber) / PerCatalogue;
        for (var k = 0; k < catalogues; k++)
        {
            var owner = World.AccountNumber(5_000_000_000 + (k / World.AllRegions.Count));
            var others = CatalogueOf(owner, World.AllRegions[k % World.AllRegions.Count], PerCatalogue);
            await commit(others, [World.Grant(others[0], World.AccountNumber(5_000_000_000 + (k / World.AllRegions.Count) + 1))]);
        }
    }
}
