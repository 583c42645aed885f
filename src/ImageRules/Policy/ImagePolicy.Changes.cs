using Ardalis.GuardClauses;
using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy.Failures;

namespace ImageRules.Policy;

public sealed partial class ImagePolicy
{
    /// <summary>
    /// May the caller copy the image (R14, R15)? The owner may copy a <c>Normal</c> image into a different, existing
    /// region that supports copy, not across the Chinese-mainland border unless the options allow it; the copy counts
    /// against the owner's quota in the target region (R11), keeps the name (or takes the given one, R12), OS,
    /// architecture and size, starts <c>Syncing</c>, carries no grants and costs nothing. A recipient is refused (R25)
    /// unless <see cref="RecipientsMayCopyWithinRegion"/> lets it copy the shared image within its region as its own.
    /// </summary>
    /// <param name="request">What to copy, and where.</param>
    /// <param name="facts">The caller, the region, the source image and the caller's grant, the target region, the caller's catalogue there, the time and the new id.</param>
    public Result<ImageCopied> Decide(CopyImage request, ImageFacts facts)
    {
        Guard.Against.Null(request);
        Guard.Against.Null(facts);
        if (!Copier(request, facts).TryGetValue(out var source, out var refused))
        {
            return refused;
        }

        var name = source.Name;
        var failure = (source.State == ImageState.Normal ? null : new ImageStateIncorrect(source.Id, source.State, ImageOperation.Copy))
            ?? CheckCopyTarget(request, facts)
            ?? (request.Name is null ? null : CheckName(request.Name, out name))
            ?? CheckRoom(request.Caller, request.TargetRegion, name, facts.Catalogue);
        if (failure is not null)
        {
            return failure;
        }

        var copy = source with
        {
            Id = facts.NewImageId,
            Owner = request.Caller,
            Region = request.TargetRegion,
            Name = name,
            State = ImageState.Syncing,
            Source = ImageSource.Copied,
            SourceInstance = null,
            CopiedFrom = source.Id,
            CreatedAt = facts.Now,
        };
        return new ImageCopied(source, copy, Free);
    }

    /// <summary>Who may copy: the owner, to another region; a recipient only under the 2025 profile, within the image's region.</summary>
    private Result<Image> Copier(CopyImage request, ImageFacts facts)
    {
        if (!See(request.Caller, request.Region, request.ImageId, facts).TryGetValue(out var kind, out var hidden))
        {
            return hidden;
        }

        var source = AsOf(facts.Image!, facts.Now);
        return kind switch
        {
            ImageKind.Custom when request.TargetRegion == source.Region => new RegionUnavailable(request.TargetRegion, ImageOperation.Copy, isImageRegion: true),
            ImageKind.Custom => source,
            ImageKind.Shared when !RecipientsMayCopyWithinRegion => new SharedImageModifyUnsupported(source.Id, ImageOperation.Copy),
            ImageKind.Shared when request.TargetRegion != source.Region => new SharedImageModifyUnsupported(source.Id, ImageOperation.Copy),
            ImageKind.Shared => source,
            _ => new ImageNotOwned(source.Id, ImageOperation.Copy),
        };
    }

    private Failure? CheckCopyTarget(CopyImage request, ImageFacts facts)
    {
        if (facts.TargetRegion is not { } target || target.Id != request.TargetRegion)
        {
            return new RegionNotFound(request.TargetRegion.Value);
        }

        var source = facts.Region!;
        if (!target.SupportsCopy || !source.SupportsCopy)
        {
            return new RegionUnavailable(target.SupportsCopy ? source.Id : target.Id, ImageOperation.Copy, isImageRegion: false);
        }

        return source.IsChineseMainland != target.IsChineseMainland && !AllowCopyAcrossMainlandBorder
            ? new RegionUnsupported(source.Id, target.Id, recipient: null)
            : null;
    }

    /// <summary>
    /// May the caller rename and/or re-describe the image (R12, R13, R25, R36)? Owner only; a recipient gets
    /// <see cref="SharedImageModifyUnsupported"/>. The new name must be valid and unused, after NFC normalisation,
    /// among the owner's other images in the region.
    /// </summary>
    /// <param name="request">The new name and/or description.</param>
    /// <param name="facts">The caller, the region, the image, its grants and its catalogue, and the time.</param>
    public Result<ImageModified> Decide(ModifyImage request, ImageFacts facts)
    {
        Guard.Against.Null(request);
        if (!Owned(request.Caller, request.Region, request.ImageId, facts, ImageOperation.Modify, sharedIsUnsupported: true).TryGetValue(out var image, out var refused))
        {
            return refused;
        }

        var name = image.Name;
        var description = image.Description;
        var failure = (request.Name is null ? null : CheckName(request.Name, out name))
            ?? (request.Description is null ? null : CheckDescription(request.Description, out description))
            ?? (request.Name is not null && NameIsTaken(name, facts.Catalogue, except: image.Id) ? new ImageNameDuplicate(name, image.Region) : null);
        return failure is not null ? failure : new ImageModified(image, image with { Name = name, Description = description }, facts.Now);
    }

    /// <summary>
    /// May the caller delete the image (R16)? Owner only (a recipient gets <see cref="ImageNotOwned"/>, R25); refused
    /// while <c>Creating</c>, <c>Importing</c> or <c>Syncing</c> (unless past the transition timeout, R37), and while any
    /// grant exists: cancel sharing first. Deleting frees the quota slot (R11).
    /// </summary>
    /// <param name="request">The image to delete.</param>
    /// <param name="facts">The caller, the region, the image and its grants, and the time.</param>
    public Result<ImageDeleted> Decide(DeleteImage request, ImageFacts facts)
    {
        Guard.Against.Null(request);
        if (!Owned(request.Caller, request.Region, request.ImageId, facts, ImageOperation.Delete, sharedIsUnsupported: false).TryGetValue(out var image, out var refused))
        {
            return refused;
        }

        if (image.State.IsInProgress())
        {
            return new ImageStateIncorrect(image.Id, image.State, ImageOperation.Delete);
        }

        return facts.Grants.Length > 0 ? new ImageStillShared(image.Id, facts.Grants.Length) : new ImageDeleted(image, facts.Now);
    }
}
