using System.Collections.Immutable;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Storage;

namespace ImageRules.Tests.Application;

/// <summary>
/// What a store holds, read through <see cref="IImageStore"/> alone so the service tests run unchanged over every
/// store: a catalogue with its version, an image's grants, the grants an account holds in a region.
/// </summary>
internal static class StoreInspection
{
    /// <summary>Every image of the catalogue, in any state, and its version.</summary>
    public static async Task<(ImmutableArray<Image> Images, long Version)> CatalogueAsync(this IImageStore store, CatalogueKey key)
    {
        var facts = await store.LoadFactsAsync(new FactsQuery(key.Owner ?? default, key.Region) { Catalogue = key });
        return (facts.Catalogue, facts.Version);
    }

    /// <summary>Every grant of the image; none when the image is not stored.</summary>
    public static async Task<ImmutableArray<ShareGrant>> GrantsOfAsync(this IImageStore store, ImageId imageId)
    {
        if (await store.FindImageAsync(imageId) is not { Owner: { } owner } image)
        {
            return [];
        }

        return (await store.LoadFactsAsync(new FactsQuery(owner, image.Region) { Image = imageId, AllGrants = true })).Grants;
    }

    /// <summary>The grant of the image to <paramref name="recipient"/>, or null.</summary>
    public static async Task<ShareGrant?> GrantAsync(this IImageStore store, ImageId imageId, AccountId recipient) =>
        (await store.GrantsOfAsync(imageId)).SingleOrDefault(g => g.Recipient == recipient);

    /// <summary>Every grant <paramref name="recipient"/> holds in <paramref name="region"/>, read a page at a time.</summary>
    public static async Task<ImmutableArray<ShareGrant>> GrantsHeldAsync(this IImageStore store, AccountId recipient, RegionId region)
    {
        var held = ImmutableArray.CreateBuilder<ShareGrant>();
        var shared = new ImageFilter { Kind = ImageKind.Shared };
        for (var offset = 0; ; offset += PageRequest.MaxLimit)
        {
            var page = await store.QueryVisibleAsync(recipient, region, shared, PageRequest.Create(offset, PageRequest.MaxLimit).Value);
            foreach (var visible in page.Items)
            {
                var facts = await store.LoadFactsAsync(new FactsQuery(recipient, region) { Image = visible.Image.Id });
                held.AddRange(facts.Grants.Where(g => g.Recipient == recipient));
            }

            if (page.Items.Length < PageRequest.MaxLimit)
            {
                return held.ToImmutable();
            }
        }
    }
}
