using Ardalis.GuardClauses;
using ImageRules.Domain;
using ImageRules.Policy.Failures;

namespace ImageRules.Policy;

/// <summary>
/// The rules of the image service as a pure policy engine: every method decides one operation from the facts it is
/// given and returns a <see cref="Result{T}"/>, either what the operation produces or the named failure that refuses it.
/// </summary>
/// <remarks>
/// Pure: no I/O, no clock, no static mutable state; the current time and new ids arrive in <see cref="NewImage"/>
/// or as arguments. The same facts always give the same decision, so the policy is thread-safe and can be shared.
/// Checks run in the provider's order: id and visibility first (an image the caller cannot see is not found, R6),
/// then ownership (R13, R25), state, parameters, and limits last.
/// Null arguments are programmer errors and throw <see cref="ArgumentNullException"/>.
/// </remarks>
public sealed partial class ImagePolicy
{
    /// <summary>Makes a policy with the given options (the seed profile when null).</summary>
    /// <exception cref="ArgumentException">The options are invalid (a limit below 1).</exception>
    public ImagePolicy(ImageRulesOptions? options = null)
    {
        Options = (options ?? ImageRulesOptions.Seed).EnsureValid();
    }

    /// <summary>The options in force.</summary>
    public ImageRulesOptions Options { get; }

    /// <summary>
    /// What kind of image <paramref name="image"/> is for <paramref name="viewer"/> looking in <paramref name="region"/>,
    /// or <see cref="ImageNotFound"/> when the viewer may not see it there (R1, R3–R6): public images are seen by every
    /// account, custom images only by the owner and by a recipient whose <paramref name="viewerGrant"/> names them, and
    /// only in the image's own region.
    /// </summary>
    /// <param name="image">The image.</param>
    /// <param name="viewer">The account looking.</param>
    /// <param name="region">The region the viewer looks in.</param>
    /// <param name="viewerGrant">The viewer's grant for the image, if it holds one; a grant for another image, account or region is ignored.</param>
    public Result<ImageKind> See(Image image, AccountId viewer, RegionId region, ShareGrant? viewerGrant)
    {
        Guard.Against.Null(image);
        return KindFor(image, viewer, region, viewerGrant) is { } kind ? kind : new ImageNotFound(image.Id);
    }

    /// <summary>
    /// May <paramref name="caller"/> launch an instance from <paramref name="image"/> in <paramref name="region"/> (R30)?
    /// Allowed for a visible image in state <c>Normal</c>; the permit says why (public, owner or grant), carries the
    /// Windows licence fee where it applies (R31) and the untrusted-source advisory for shared images (R26).
    /// </summary>
    /// <remarks>Builds the failure record of a refusal; <see cref="DecideLaunch"/> decides the same without allocating.</remarks>
    public Result<LaunchPermit> Launch(Image image, AccountId caller, Region region, ShareGrant? callerGrant) =>
        DecideLaunch(image, caller, region, callerGrant).ToResult();

    /// <summary>
    /// The same decision as <see cref="Launch"/> (R30, R31, R26) as a <see cref="LaunchDecision"/>, which allocates
    /// nothing whether the launch is allowed or refused: for hosts that ask often and need the failure record rarely.
    /// </summary>
    public LaunchDecision DecideLaunch(Image image, AccountId caller, Region region, ShareGrant? callerGrant)
    {
        Guard.Against.Null(image);
        Guard.Against.Null(region);
        if (KindFor(image, caller, region.Id, callerGrant) is not { } kind)
        {
            return LaunchDecision.Refuse(image, LaunchRefusal.ImageNotFound);
        }

        if (image.State != ImageState.Normal)
        {
            return LaunchDecision.Refuse(image, LaunchRefusal.InvalidImageState);
        }

        return LaunchDecision.Allow(this, image, kind, region, kind == ImageKind.Shared ? callerGrant : null);
    }

    /// <summary>
    /// The permit for a launch this policy allowed: why (public, owner or grant), the Windows licence fee where it
    /// applies (R31; a shared image is free to its recipient, R32) and the untrusted-source advisory for shared images (R26, R34).
    /// </summary>
    internal LaunchPermit Permit(Image image, ImageKind kind, Region region, ShareGrant? grant) => kind switch
    {
        ImageKind.Public => new LaunchPermit(image, kind, LaunchReason.PublicImage, null, LicenceFee(image, region), Advisories.None),
        ImageKind.Custom => new LaunchPermit(image, kind, LaunchReason.Owner, null, Free, Advisories.None),
        _ => new LaunchPermit(image, kind, LaunchReason.ShareGrant, grant, Free, Advisories.UntrustedSource),
    };

    /// <summary>The kind of <paramref name="image"/> for <paramref name="viewer"/> in <paramref name="region"/>, or null when hidden (see <see cref="See"/>).</summary>
    private static ImageKind? KindFor(Image image, AccountId viewer, RegionId region, ShareGrant? viewerGrant)
    {
        if (image.Region != region)
        {
            return null;
        }

        if (image.Owner is not { } owner)
        {
            return ImageKind.Public;
        }

        if (owner == viewer)
        {
            return ImageKind.Custom;
        }

        return viewerGrant is not null && Permits(viewerGrant, image, viewer) ? ImageKind.Shared : null;
    }

    private Money Free => Money.Free(Options.PriceList.Currency);

    private Money LicenceFee(Image image, Region region) =>
        image.OperatingSystem.Family == OsFamily.Windows && region.WindowsLicenceFeeApplies
            ? Options.PriceList.WindowsLicenceFeePerHour(region)
            : Free;

    private static bool Permits(ShareGrant grant, Image image, AccountId recipient) =>
        grant.ImageId == image.Id && grant.Recipient == recipient && grant.Region == image.Region && grant.Owner == image.Owner;

    /// <summary>
    /// Requires <paramref name="caller"/> to own <paramref name="image"/> (R13). An invisible image is not found (R6);
    /// a recipient is refused with <see cref="SharedImageModifyUnsupported"/> when <paramref name="sharedIsUnsupported"/>
    /// (rename, re-describe, copy, re-share), otherwise like any other non-owner with <see cref="NotImageOwner"/> (R25).
    /// </summary>
    private Failure? RequireOwner(Image image, AccountId caller, RegionId region, ShareGrant? callerGrant, string operation, bool sharedIsUnsupported)
    {
        var seen = See(image, caller, region, callerGrant);
        if (!seen.TryGetValue(out var kind, out var hidden))
        {
            return hidden;
        }

        return kind switch
        {
            ImageKind.Custom => null,
            ImageKind.Shared when sharedIsUnsupported => new SharedImageModifyUnsupported(image.Id, operation),
            _ => new NotImageOwner(image.Id),
        };
    }
}
