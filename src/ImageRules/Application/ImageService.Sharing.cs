using System.Collections.Immutable;
using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy;
using ImageRules.Policy.Failures;

namespace ImageRules.Application;

public sealed partial class ImageService
{
    /// <summary>Shares a custom image with root accounts of the owner's region, all or nothing (R20–R23); see <see cref="ImagePolicy.Share"/>.</summary>
    public async ValueTask<Result<ImageShared>> ShareImageAsync(AccountId caller, RegionId region, ImageId imageId, IReadOnlyList<AccountId> recipients, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        var known = await accounts.FindManyAsync(recipients, cancellationToken).ConfigureAwait(false);
        return await ChangeImageAsync(
            caller,
            region,
            imageId,
            facts => policy.Share(facts.Image, facts.Caller, region, facts.CallerGrant, recipients, known, facts.ImageGrants, facts.Now),
            (shared, change) => change with { GrantsAdded = shared.Grants },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Cancels sharing with the given accounts, all or nothing (R24); see <see cref="ImagePolicy.CancelSharing"/>.</summary>
    public ValueTask<Result<ImageSharingCancelled>> CancelSharingAsync(AccountId caller, RegionId region, ImageId imageId, IReadOnlyList<AccountId> recipients, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        return ChangeImageAsync(
            caller,
            region,
            imageId,
            facts => policy.CancelSharing(facts.Image, caller, region, facts.CallerGrant, recipients, facts.ImageGrants, facts.Now),
            (cancelled, change) => change with { GrantsRemoved = cancelled.Grants },
            cancellationToken);
    }

    /// <summary>Cancels every grant of a custom image, the step before deleting it (R16, R24); see <see cref="ImagePolicy.CancelAllSharing"/>.</summary>
    public ValueTask<Result<ImageSharingCancelled>> CancelAllSharingAsync(AccountId caller, RegionId region, ImageId imageId, CancellationToken cancellationToken = default) =>
        ChangeImageAsync(
            caller,
            region,
            imageId,
            facts => policy.CancelAllSharing(facts.Image, caller, region, facts.CallerGrant, facts.ImageGrants, facts.Now),
            (cancelled, change) => change with { GrantsRemoved = cancelled.Grants },
            cancellationToken);

    /// <summary>
    /// The grants of an image as the caller may see them (R27): the owner sees every grant, a recipient only its own,
    /// anyone else gets <see cref="ImageNotFound"/> (R6); a public image has none.
    /// </summary>
    public async ValueTask<Result<ImmutableArray<ShareGrant>>> DescribeSharePermissionsAsync(AccountId caller, RegionId region, ImageId imageId, CancellationToken cancellationToken = default)
    {
        var place = await FindRegionAsync(caller, region, cancellationToken).ConfigureAwait(false);
        if (!place.IsSuccess)
        {
            return place.Failure!;
        }

        var image = await images.FindAsync(imageId, cancellationToken).ConfigureAwait(false);
        if (image is null)
        {
            return new ImageNotFound(imageId);
        }

        var grant = await grants.FindAsync(imageId, caller, cancellationToken).ConfigureAwait(false);
        var seen = policy.See(image, caller, region, grant);
        if (!seen.TryGetValue(out var kind, out var hidden))
        {
            return hidden;
        }

        return kind switch
        {
            ImageKind.Custom => await grants.ListForImageAsync(imageId, cancellationToken).ConfigureAwait(false),
            ImageKind.Shared => ImmutableArray.Create(grant!),
            _ => ImmutableArray<ShareGrant>.Empty,
        };
    }
}
