using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Hosting;
using ImageRules.Persistence;
using ImageRules.Policy;
using ImageRules.Policy.Failures;

namespace ImageRules.Application;

public sealed partial class ImageService
{
    /// <summary>Adds a region, or replaces the one with its id. An operator's action, not an account's.</summary>
    public ValueTask SaveRegionAsync(Region region, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(region);
        return regions.SaveAsync(region, cancellationToken);
    }

    /// <summary>Adds an account, or replaces the one with its id. An operator's action, not an account's.</summary>
    public ValueTask SaveAccountAsync(Account account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return accounts.SaveAsync(account, cancellationToken);
    }

    /// <summary>
    /// Publishes a public image of the platform (R3) into its region, which must exist. Publishing an id that is
    /// already published is <see cref="ImageAlreadyPublished"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="image"/> has an owner: only ownerless images are public.</exception>
    public async ValueTask<Result<ImagePublished>> PublishPublicImageAsync(Image image, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (!image.IsPublic)
        {
            throw new ArgumentException($"image `{image.Id}` has an owner: only an image without one is public", nameof(image));
        }

        if (await regions.FindAsync(image.Region, cancellationToken).ConfigureAwait(false) is null)
        {
            return new RegionNotFound(image.Region.Value);
        }

        return await CommitAsync(
            CatalogueKey.Of(image),
            async (_, ct) => await images.FindAsync(image.Id, ct).ConfigureAwait(false) is null
                ? new ImagePublished(image, Now)
                : (Result<ImagePublished>)new ImageAlreadyPublished(image.Id),
            (published, change) => change with { Added = [published.Image] },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Loads a catalogue of regions and public images in one call, so a sample or test double starts from a
    /// realistic world. Idempotent: regions are saved again, images already published are left as they are.
    /// </summary>
    /// <returns>How many public images were newly published.</returns>
    public async ValueTask<int> SeedAsync(ProviderCatalogue catalogue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        foreach (var region in catalogue.Regions)
        {
            await regions.SaveAsync(region, cancellationToken).ConfigureAwait(false);
        }

        var published = 0;
        foreach (var image in catalogue.PublicImages)
        {
            var result = await PublishPublicImageAsync(image, cancellationToken).ConfigureAwait(false);
            published += result.IsSuccess ? 1 : 0;
        }

        return published;
    }
}
