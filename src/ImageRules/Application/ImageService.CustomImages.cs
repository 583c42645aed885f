using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Persistence;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Policy.Requests;

namespace ImageRules.Application;

public sealed partial class ImageService
{
    /// <summary>Creates a custom image from the caller's instance (R10–R12, R17); see <see cref="ImagePolicy.CreateFromInstance"/>.</summary>
    public ValueTask<Result<ImageCreated>> CreateImageAsync(AccountId caller, CreateImageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return AddImageAsync(
            caller,
            request.Region,
            (region, catalogue) => policy.CreateFromInstance(request, caller, region, catalogue.Images, NextImage()),
            created => created.Image,
            cancellationToken);
    }

    /// <summary>Imports an image file (R18, R11, R12); see <see cref="ImagePolicy.Import"/>.</summary>
    public ValueTask<Result<ImageImported>> ImportImageAsync(AccountId caller, ImportImageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return AddImageAsync(
            caller,
            request.Region,
            (region, catalogue) => policy.Import(request, caller, region, catalogue.Images, NextImage()),
            imported => imported.Image,
            cancellationToken);
    }

    /// <summary>Decides and commits a new image in the caller's catalogue of <paramref name="regionId"/>.</summary>
    private async ValueTask<Result<T>> AddImageAsync<T>(AccountId caller, RegionId regionId, Func<Region, ImageCatalogue, Result<T>> decide, Func<T, Image> added, CancellationToken cancellationToken)
        where T : IImageEvent
    {
        var place = await FindRegionAsync(caller, regionId, cancellationToken).ConfigureAwait(false);
        if (!place.TryGetValue(out var region, out var failure))
        {
            return failure;
        }

        return await CommitAsync(
            new CatalogueKey(caller, region.Id),
            (catalogue, _) => ValueTask.FromResult(decide(region, catalogue)),
            (outcome, change) => change with { Added = [added(outcome)] },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records the platform's outcome for an image being created, imported or copied (R10, R14, R18); see
    /// <see cref="ImagePolicy.Complete"/>. Called by the host's platform side, not by an account.
    /// </summary>
    public async ValueTask<Result<ImageCompleted>> CompleteImageAsync(ImageId imageId, bool succeeded, CancellationToken cancellationToken = default)
    {
        var found = await images.FindAsync(imageId, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return new ImageNotFound(imageId);
        }

        return await CommitAsync(
            CatalogueKey.Of(found),
            (catalogue, _) => ValueTask.FromResult(catalogue.Find(imageId) is { } image ? policy.Complete(image, succeeded, Now) : new ImageNotFound(imageId)),
            (completed, change) => change with { Updated = [completed.Image] },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Copies an image into another region, free of charge (R14, R15, R25); see <see cref="ImagePolicy.Copy"/>.</summary>
    public async ValueTask<Result<ImageCopied>> CopyImageAsync(AccountId caller, RegionId region, CopyImageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var place = await FindRegionAsync(caller, region, cancellationToken).ConfigureAwait(false);
        if (!place.TryGetValue(out var sourceRegion, out var failure))
        {
            return failure;
        }

        var target = await regions.FindAsync(request.TargetRegion, cancellationToken).ConfigureAwait(false);
        return await CommitAsync(
            new CatalogueKey(caller, request.TargetRegion),
            async (catalogue, ct) =>
            {
                // The source is read again on every attempt, so a retried copy never rests on a deleted source or a cancelled grant.
                if (await images.FindAsync(request.ImageId, ct).ConfigureAwait(false) is not { } source)
                {
                    return new ImageNotFound(request.ImageId);
                }

                var grant = await grants.FindAsync(source.Id, caller, ct).ConfigureAwait(false);
                return policy.Copy(request, caller, sourceRegion, source, grant, target, catalogue.Images, NextImage());
            },
            (copied, change) => change with { Added = [copied.Copy] },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Renames and/or re-describes a custom image (R12, R13, R25); see <see cref="ImagePolicy.Modify"/>.</summary>
    public ValueTask<Result<ImageModified>> ModifyImageAsync(AccountId caller, RegionId region, ModifyImageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ChangeImageAsync(
            caller,
            region,
            request.ImageId,
            facts => policy.Modify(request, caller, region, facts.Image, facts.CallerGrant, facts.Catalogue.Images, facts.Now),
            (modified, change) => change with { Updated = [modified.Image] },
            cancellationToken);
    }

    /// <summary>Deletes a custom image (R16); see <see cref="ImagePolicy.Delete"/>.</summary>
    public ValueTask<Result<ImageDeleted>> DeleteImageAsync(AccountId caller, RegionId region, ImageId imageId, CancellationToken cancellationToken = default) =>
        ChangeImageAsync(
            caller,
            region,
            imageId,
            facts => policy.Delete(facts.Image, caller, region, facts.CallerGrant, facts.ImageGrants.Length, facts.Now),
            (deleted, change) => change with { Deleted = [deleted.ImageId] },
            cancellationToken);

    /// <summary>
    /// Loads the facts about one image as the caller addresses it, decides, and commits with bounded retry. An image
    /// that does not exist, or stops existing meanwhile, is <see cref="ImageNotFound"/>.
    /// </summary>
    private async ValueTask<Result<T>> ChangeImageAsync<T>(
        AccountId caller,
        RegionId region,
        ImageId imageId,
        Func<ImageFacts, Result<T>> decide,
        Func<T, CatalogueChange, CatalogueChange> toChange,
        CancellationToken cancellationToken)
        where T : IImageEvent
    {
        var account = await FindAccountAsync(caller, cancellationToken).ConfigureAwait(false);
        if (!account.TryGetValue(out var callerAccount, out var failure))
        {
            return failure;
        }

        if (await regions.FindAsync(region, cancellationToken).ConfigureAwait(false) is null)
        {
            return new RegionNotFound(region.Value);
        }

        var found = await images.FindAsync(imageId, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return new ImageNotFound(imageId);
        }

        return await CommitAsync(
            CatalogueKey.Of(found),
            async (catalogue, ct) =>
            {
                if (catalogue.Find(imageId) is not { } image)
                {
                    return new ImageNotFound(imageId);
                }

                var callerGrant = await grants.FindAsync(imageId, caller, ct).ConfigureAwait(false);
                var imageGrants = await grants.ListForImageAsync(imageId, ct).ConfigureAwait(false);
                return decide(new ImageFacts(callerAccount, image, callerGrant, imageGrants, catalogue, Now));
            },
            toChange,
            cancellationToken).ConfigureAwait(false);
    }
}
