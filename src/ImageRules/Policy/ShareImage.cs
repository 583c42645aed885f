using System.Collections.Immutable;
using ImageRules.Domain;

namespace ImageRules.Policy;

/// <summary>Share a custom image with root accounts of the owner's home region, all or nothing (R20–R23).</summary>
/// <remarks>Every request carries the caller, the region and (where there is one) the image id the same way; the service and the engine take it whole.</remarks>
/// <param name="Caller">The calling account.</param>
/// <param name="Region">The region the caller addresses, as the provider's regional API does.</param>
/// <param name="ImageId">The image.</param>
/// <param name="Accounts">The recipients, in order; the first refused names the failure.</param>
/// <param name="DryRun">When true the request is decided in full and nothing is changed: success is <see cref="Failures.DryRunPassed"/> (R38).</param>
public sealed record ShareImage(
    AccountId Caller,
    RegionId Region,
    ImageId ImageId,
    ImmutableArray<AccountId> Accounts,
    bool DryRun = false)
{
    /// <summary>Value equality, comparing <see cref="Accounts"/> item by item.</summary>
    public bool Equals(ShareImage? other) =>
        other is not null && Caller == other.Caller && Region == other.Region && ImageId == other.ImageId && DryRun == other.DryRun
        && ValueEquality.Items(Accounts, other.Accounts);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Caller, Region, ImageId, DryRun, ValueEquality.Hash(Accounts));
}
