using Ardalis.GuardClauses;
using ImageRules.Domain.Events;
using ImageRules.Policy;
using ImageRules.Storage;

namespace ImageRules.Application;

public sealed partial class ImageService
{
    /// <summary>Creates a custom image from the caller's instance (R10–R12, R17, R36); see <see cref="ImagePolicy.Decide(CreateImage, ImageFacts)"/>.</summary>
    public ValueTask<Result<ImageCreated>> CreateImageAsync(CreateImage request, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(request);
        return WriteAsync(InCallersCatalogue(request.Caller, request.Region), facts => policy.Decide(request, facts), ImageOperation.Create, request.DryRun, cancellationToken, makesImage: true);
    }

    /// <summary>Imports an image file (R18, R11, R12); see <see cref="ImagePolicy.Decide(ImportImage, ImageFacts)"/>.</summary>
    public ValueTask<Result<ImageImported>> ImportImageAsync(ImportImage request, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(request);
        return WriteAsync(InCallersCatalogue(request.Caller, request.Region), facts => policy.Decide(request, facts), ImageOperation.Import, request.DryRun, cancellationToken, makesImage: true);
    }

    /// <summary>Copies an image into another region, free of charge (R14, R15, R25); see <see cref="ImagePolicy.Decide(CopyImage, ImageFacts)"/>.</summary>
    public ValueTask<Result<ImageCopied>> CopyImageAsync(CopyImage request, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(request);
        var query = new FactsQuery(request.Caller, request.Region)
        {
            Image = request.ImageId,
            Catalogue = new CatalogueKey(request.Caller, request.TargetRegion),
            TargetRegion = request.TargetRegion,
            ImageAsSeen = true,
        };
        return WriteAsync(query, facts => policy.Decide(request, facts), ImageOperation.Copy, request.DryRun, cancellationToken, makesImage: true);
    }

    /// <summary>Renames and/or re-describes a custom image (R12, R13, R25, R36); see <see cref="ImagePolicy.Decide(ModifyImage, ImageFacts)"/>.</summary>
    public ValueTask<Result<ImageModified>> ModifyImageAsync(ModifyImage request, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(request);
        return WriteAsync(OfImage(request.Caller, request.Region, request.ImageId), facts => policy.Decide(request, facts), ImageOperation.Modify, request.DryRun, cancellationToken);
    }

    /// <summary>Deletes a custom image (R16, R37); see <see cref="ImagePolicy.Decide(DeleteImage, ImageFacts)"/>.</summary>
    public ValueTask<Result<ImageDeleted>> DeleteImageAsync(DeleteImage request, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(request);
        return WriteAsync(OfImage(request.Caller, request.Region, request.ImageId), facts => policy.Decide(request, facts), ImageOperation.Delete, request.DryRun, cancellationToken);
    }

    /// <summary>Shares a custom image with root accounts of the owner's region, all or nothing (R20–R23); see <see cref="ImagePolicy.Decide(ShareImage, ImageFacts)"/>.</summary>
    public ValueTask<Result<ImageShared>> ShareImageAsync(ShareImage request, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(request);
        var query = new FactsQuery(request.Caller, request.Region) { Image = request.ImageId, AllGrants = true, Accounts = request.Accounts.IsDefault ? [] : request.Accounts };
        return WriteAsync(query, facts => policy.Decide(request, facts), ImageOperation.Share, request.DryRun, cancellationToken);
    }

    /// <summary>Cancels sharing with the given accounts, all or nothing (R24); see <see cref="ImagePolicy.Decide(CancelSharing, ImageFacts)"/>.</summary>
    public ValueTask<Result<ImageSharingCancelled>> CancelSharingAsync(CancelSharing request, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(request);
        return WriteAsync(OfImage(request.Caller, request.Region, request.ImageId), facts => policy.Decide(request, facts), ImageOperation.CancelSharing, request.DryRun, cancellationToken);
    }

    /// <summary>Cancels every grant of a custom image, the step before deleting it (R16, R24); see <see cref="ImagePolicy.Decide(CancelAllSharing, ImageFacts)"/>.</summary>
    public ValueTask<Result<ImageSharingCancelled>> CancelAllSharingAsync(CancelAllSharing request, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(request);
        return WriteAsync(OfImage(request.Caller, request.Region, request.ImageId), facts => policy.Decide(request, facts), ImageOperation.CancelSharing, request.DryRun, cancellationToken);
    }

    /// <summary>The facts of a decision about one existing image, with every grant it has and its catalogue.</summary>
    private static FactsQuery OfImage(Domain.AccountId caller, Domain.RegionId region, Domain.ImageId image) =>
        new(caller, region) { Image = image, AllGrants = true };

    /// <summary>The facts of a decision that adds an image to the caller's catalogue in the region addressed.</summary>
    private static FactsQuery InCallersCatalogue(Domain.AccountId caller, Domain.RegionId region) =>
        new(caller, region) { Catalogue = new CatalogueKey(caller, region) };
}
