using Ardalis.GuardClauses;
using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy.Failures;
using ImageRules.Policy.Requests;

namespace ImageRules.Policy;

public sealed partial class ImagePolicy
{
    /// <summary>
    /// May <paramref name="caller"/> copy <paramref name="source"/> (R14, R15)? The owner may copy a <c>Normal</c> image
    /// into a different, existing region that supports copy, not across the Chinese-mainland border unless the options
    /// allow it; the copy counts against the owner's quota in the target region (R11), keeps the name (or takes the
    /// given one, R12), OS, architecture and size, starts <c>Syncing</c>, carries no grants and costs nothing.
    /// A recipient is refused (R25) unless <see cref="ImageRulesOptions.RecipientsMayCopyWithinRegion"/> lets it copy
    /// the shared image within its region as its own custom image.
    /// </summary>
    /// <param name="request">What to copy, and where.</param>
    /// <param name="caller">The account copying.</param>
    /// <param name="sourceRegion">The region the caller addresses, holding the source image.</param>
    /// <param name="source">The image to copy.</param>
    /// <param name="callerGrant">The caller's grant for the image, if any.</param>
    /// <param name="targetRegion">The target region, or null when no region has the request's target id.</param>
    /// <param name="callerImagesInTarget">Every custom image the caller owns in the target region.</param>
    /// <param name="newImage">The copy's id and the current time.</param>
    public Result<ImageCopied> Copy(
        CopyImageRequest request,
        AccountId caller,
        Region sourceRegion,
        Image source,
        ShareGrant? callerGrant,
        Region? targetRegion,
        IReadOnlyCollection<Image> callerImagesInTarget,
        NewImage newImage)
    {
        Guard.Against.Null(request);
        Guard.Against.Null(sourceRegion);
        Guard.Against.Null(callerImagesInTarget);
        var refused = CheckCopier(request, caller, sourceRegion, source, callerGrant)
            ?? (source.State == ImageState.Normal ? null : new IncorrectImageState(source.Id, source.State, "copy"))
            ?? CheckCopyTarget(request, sourceRegion, source, targetRegion)
            ?? (request.Name is null ? null : CheckName(request.Name));
        var name = request.Name ?? source.Name;
        refused ??= CheckRoom(caller, request.TargetRegion, name, callerImagesInTarget);
        if (refused is not null)
        {
            return refused;
        }

        var copy = source with
        {
            Id = newImage.Id,
            Owner = caller,
            Region = request.TargetRegion,
            Name = name,
            State = ImageState.Syncing,
            Source = ImageSource.Copied,
            SourceInstance = null,
            CopiedFrom = source.Id,
            CreatedAt = newImage.CreatedAt,
        };
        return new ImageCopied(source, copy, Free);
    }

    /// <summary>Who may copy: the owner, to another region; a recipient only under the 2025 profile, within the image's region.</summary>
    private Failure? CheckCopier(CopyImageRequest request, AccountId caller, Region sourceRegion, Image source, ShareGrant? callerGrant)
    {
        var seen = See(source, caller, sourceRegion.Id, callerGrant);
        if (!seen.TryGetValue(out var kind, out var hidden))
        {
            return hidden;
        }

        return kind switch
        {
            ImageKind.Custom when request.TargetRegion == source.Region => new RegionUnavailable(request.TargetRegion, "it is the image's own region: copy to a different region"),
            ImageKind.Custom => null,
            ImageKind.Shared when !Options.RecipientsMayCopyWithinRegion => new SharedImageModifyUnsupported(source.Id, "copy"),
            ImageKind.Shared when request.TargetRegion != source.Region => new SharedImageModifyUnsupported(source.Id, "copy to another region"),
            ImageKind.Shared => null,
            _ => new NotImageOwner(source.Id),
        };
    }

    private Failure? CheckCopyTarget(CopyImageRequest request, Region sourceRegion, Image source, Region? targetRegion)
    {
        if (targetRegion is null || targetRegion.Id != request.TargetRegion)
        {
            return new RegionNotFound(request.TargetRegion.Value);
        }

        if (!targetRegion.SupportsCopy || !sourceRegion.SupportsCopy)
        {
            var closed = targetRegion.SupportsCopy ? sourceRegion : targetRegion;
            return new RegionUnavailable(closed.Id, "it does not support image copy");
        }

        return sourceRegion.IsChineseMainland != targetRegion.IsChineseMainland && !Options.AllowCopyAcrossMainlandBorder
            ? new CrossMainlandCopyUnsupported(source.Region, targetRegion.Id)
            : null;
    }

    /// <summary>
    /// May <paramref name="caller"/> rename and/or re-describe <paramref name="image"/> (R12, R13, R25)? Owner only;
    /// a recipient gets <see cref="SharedImageModifyUnsupported"/>. The new name must be valid and unused among the
    /// owner's other images in the region.
    /// </summary>
    /// <param name="request">The new name and/or description.</param>
    /// <param name="caller">The account asking.</param>
    /// <param name="region">The region the caller addresses.</param>
    /// <param name="image">The image.</param>
    /// <param name="callerGrant">The caller's grant for the image, if any.</param>
    /// <param name="ownerImagesInRegion">Every custom image the owner has in the region.</param>
    /// <param name="now">The current time.</param>
    public Result<ImageModified> Modify(ModifyImageRequest request, AccountId caller, RegionId region, Image image, ShareGrant? callerGrant, IReadOnlyCollection<Image> ownerImagesInRegion, DateTimeOffset now)
    {
        Guard.Against.Null(request);
        Guard.Against.Null(ownerImagesInRegion);
        var refused = RequireOwner(image, caller, region, callerGrant, "rename or re-describe", sharedIsUnsupported: true)
            ?? (request.Name is null ? null : CheckName(request.Name))
            ?? CheckDescription(request.Description);
        if (refused is not null)
        {
            return refused;
        }

        if (request.Name is { } name && NameIsTaken(name, ownerImagesInRegion, except: image.Id))
        {
            return new DuplicateImageName(name, image.Region);
        }

        var after = image with { Name = request.Name ?? image.Name, Description = request.Description ?? image.Description };
        return new ImageModified(image, after, now);
    }

    /// <summary>
    /// May <paramref name="caller"/> delete <paramref name="image"/> (R16)? Owner only (a recipient gets
    /// <see cref="NotImageOwner"/>, R25); refused while <c>Creating</c>, <c>Importing</c> or <c>Syncing</c>, and while
    /// any grant exists: cancel sharing first. Deleting frees the quota slot (R11).
    /// </summary>
    /// <param name="image">The image.</param>
    /// <param name="caller">The account asking.</param>
    /// <param name="region">The region the caller addresses.</param>
    /// <param name="callerGrant">The caller's grant for the image, if any.</param>
    /// <param name="grantCount">How many grants the image has.</param>
    /// <param name="now">The current time.</param>
    public Result<ImageDeleted> Delete(Image image, AccountId caller, RegionId region, ShareGrant? callerGrant, int grantCount, DateTimeOffset now)
    {
        var refused = RequireOwner(image, caller, region, callerGrant, "delete", sharedIsUnsupported: false);
        if (refused is not null)
        {
            return refused;
        }

        if (image.State.IsInProgress())
        {
            return new IncorrectImageState(image.Id, image.State, "be deleted");
        }

        return grantCount > 0 ? new ImageInShared(image.Id, grantCount) : new ImageDeleted(image, now);
    }
}
