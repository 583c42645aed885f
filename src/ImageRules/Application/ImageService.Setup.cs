using Ardalis.GuardClauses;
using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Storage;

namespace ImageRules.Application;

public sealed partial class ImageService
{
    /// <summary>Adds a region, or replaces the one with its id. An operator's action, not an account's.</summary>
    public ValueTask SaveRegionAsync(Region region, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(region);
        return InStoreAsync(region, static (s, r, ct) => s.SaveRegionAsync(r, ct), cancellationToken);
    }

    /// <summary>Adds an account, or replaces the one with its id. An operator's action, not an account's.</summary>
    public ValueTask SaveAccountAsync(Account account, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(account);
        return InStoreAsync(account, static (s, a, ct) => s.SaveAccountAsync(a, ct), cancellationToken);
    }

    /// <summary>
    /// Records the platform's outcome for an image being created, imported or copied (R10, R14, R18); see
    /// <see cref="ImagePolicy.Complete"/>. Called by the host's platform side, not by an account. Never refused for
    /// contention: it is decided again until it lands, and only a delete can pre-empt it (R37).
    /// </summary>
    public async ValueTask<Result<ImageCompleted>> CompleteImageAsync(ImageId imageId, bool succeeded, CancellationToken cancellationToken = default)
    {
        if (await InStoreAsync(imageId, static (s, id, ct) => s.FindImageAsync(id, ct), cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return new ImageNotFound(imageId);
        }

        // A public image (no owner) is decided like any other: a Normal one is ImageStateIncorrect, not "not found".
        return await WriteAsync(
            new FactsQuery(found.Owner ?? default, found.Region) { Image = imageId },
            facts => facts.Image is { } image ? policy.Complete(image, succeeded, facts.Now) : new ImageNotFound(imageId),
            ImageOperation.Complete,
            dryRun: false,
            cancellationToken,
            untilItLands: true).ConfigureAwait(false);
    }

    /// <summary>
    /// Publishes a public image of the platform (R3) into its region, which must exist. Publishing an id that is
    /// already published is <see cref="ImageIdDuplicate"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="image"/> has an owner: only ownerless images are public.</exception>
    public async ValueTask<Result<ImagePublished>> PublishPublicImageAsync(Image image, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(image);
        if (!image.IsPublic)
        {
            throw new ArgumentException($"image `{image.Id}` has an owner: only an image without one is public", nameof(image));
        }

        return await WriteAsync<ImagePublished>(
            new FactsQuery(default, image.Region) { Image = image.Id, Catalogue = CatalogueKey.Of(image) },
            facts => facts.Region is null ? new RegionNotFound(image.Region.Value)
                : facts.Image is not null ? new ImageIdDuplicate(image.Id)
                : new ImagePublished(image, facts.Now),
            ImageOperation.Create,
            dryRun: false,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Loads a catalogue of regions and public images in one call, so a sample or test double starts from a
    /// realistic world. Idempotent: regions are saved again, images already published are left as they are.
    /// </summary>
    /// <returns>How many public images were newly published.</returns>
    public async ValueTask<int> SeedAsync(ProviderCatalogue catalogue, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(catalogue);
        foreach (var region in catalogue.Regions)
        {
            await SaveRegionAsync(region, cancellationToken).ConfigureAwait(false);
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
