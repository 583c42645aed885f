using System.Collections.Immutable;
using Ardalis.GuardClauses;
using ImageRules.Domain;
using ImageRules.Policy.Failures;

namespace ImageRules.Policy;

/// <summary>
/// The rules of the image service as a pure policy engine, in the shape of Cedar's authorizer: every
/// <c>Decide</c> takes one request record and the <see cref="ImageFacts"/> it rests on, and returns a
/// <see cref="Result{T}"/>: what the operation produces (a domain event), or the named failure that refuses it.
/// </summary>
/// <remarks>
/// Pure: no I/O, no clock, no static mutable state; the time and a new image's id arrive in the facts. The same
/// request and facts always give the same decision, so one policy is thread-safe and shared. Checks run in the
/// provider's order: caller and region, then the image's visibility (an image the caller cannot see is not found,
/// R6), ownership (R13, R25), state, parameters, and limits last. A null argument is a programmer error and throws
/// <see cref="ArgumentNullException"/>.
/// </remarks>
public sealed partial class ImagePolicy
{
    /// <summary>Makes a policy from the options, resolving each limit against the profile (the seed profile when null).</summary>
    /// <param name="options">The limits and switches; the seed profile when null.</param>
    /// <param name="priceList">The prices behind creation quotes (R17) and the Windows licence fee (R31); <see cref="FlatPriceList.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public ImagePolicy(ImageRulesOptions? options = null, IPriceList? priceList = null)
    {
        options ??= new ImageRulesOptions();
        var errors = options.Validate();
        if (!errors.IsEmpty)
        {
            throw new ArgumentException("invalid image rules options: " + string.Join("; ", errors), nameof(options));
        }

        var provider2025 = options.Profile == ImageRulesProfile.Provider2025;
        MaxCustomImagesPerRegion = options.MaxCustomImagesPerRegion ?? (provider2025 ? 500 : 10);
        MaxShareRecipientsPerImage = options.MaxShareRecipientsPerImage ?? (provider2025 ? 500 : 50);
        RecipientsMayCopyWithinRegion = options.RecipientsMayCopyWithinRegion ?? provider2025;
        AllowCopyAcrossMainlandBorder = options.AllowCopyAcrossMainlandBorder;
        TransitionTimeout = options.TransitionTimeout;
        PriceList = priceList ?? FlatPriceList.Default;
    }

    /// <summary>The most custom images per account and region in force (R11).</summary>
    public int MaxCustomImagesPerRegion { get; }

    /// <summary>The most recipients per image in force (R21).</summary>
    public int MaxShareRecipientsPerImage { get; }

    /// <summary>Whether a recipient may copy a shared image within its region (R25, Provider 2025).</summary>
    public bool RecipientsMayCopyWithinRegion { get; }

    /// <summary>Whether copies may cross the Chinese-mainland border (R15).</summary>
    public bool AllowCopyAcrossMainlandBorder { get; }

    /// <summary>How long an image may stay in a transitional state before it counts as failed (R37).</summary>
    public TimeSpan TransitionTimeout { get; }

    /// <summary>The prices behind quotes (R17) and licence fees (R31).</summary>
    public IPriceList PriceList { get; }

    /// <summary>
    /// The kind of <paramref name="image"/> for <paramref name="viewer"/> looking in <paramref name="region"/>, or null
    /// when the viewer may not see it there (R1, R3–R5): public images are seen by every account, custom images only by
    /// the owner and by the recipient of a <paramref name="viewerGrant"/> for them, and only in the image's own region.
    /// The one statement of the visibility rule: stores use it too (a SQL store mirrors it in a query, proved equal by
    /// the contract tests).
    /// </summary>
    /// <param name="image">The image.</param>
    /// <param name="viewer">The account looking.</param>
    /// <param name="region">The region the viewer looks in.</param>
    /// <param name="viewerGrant">The viewer's grant for the image, if any; a grant of another image, account or region is ignored.</param>
    public static ImageKind? KindFor(Image image, AccountId viewer, RegionId region, ShareGrant? viewerGrant)
    {
        Guard.Against.Null(image);
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

        return viewerGrant is not null && viewerGrant.ImageId == image.Id && viewerGrant.Recipient == viewer
            && viewerGrant.Region == image.Region && viewerGrant.Owner == owner
            ? ImageKind.Shared
            : null;
    }

    /// <summary>
    /// <paramref name="image"/> as it stands at <paramref name="now"/>: one still <c>Creating</c>, <c>Syncing</c> or
    /// <c>Importing</c> longer than <see cref="TransitionTimeout"/> after it was made has failed (R37).
    /// </summary>
    public Image AsOf(Image image, DateTimeOffset now)
    {
        Guard.Against.Null(image);
        return image.State.IsInProgress() && now - image.CreatedAt > TransitionTimeout
            ? image with { State = image.State.Completed(succeeded: false)!.Value }
            : image;
    }

    /// <summary>One image as the caller sees it, kind included (R1, R3–R6); hidden or absent is <see cref="ImageNotFound"/>.</summary>
    public Result<VisibleImage> Decide(GetImage request, ImageFacts facts)
    {
        Guard.Against.Null(request);
        var seen = See(request.Caller, request.Region, request.ImageId, facts);
        return seen.TryGetValue(out var kind, out var failure) ? new VisibleImage(AsOf(facts.Image!, facts.Now), kind) : failure;
    }

    /// <summary>The most image ids one call may name (R35); the provider's reference gives no figure, so this is ours.</summary>
    public const int MaxImageIdsPerCall = 100;

    /// <summary>
    /// The page a listing asks for, once its one-call limits hold (R2, R35): offset 0 or more (default 0), limit 1–100
    /// (default 20), at most <see cref="MaxImageIdsPerCall"/> image ids. Decided before any store work.
    /// </summary>
    /// <param name="request">The listing.</param>
    public static Result<PageRequest> Decide(DescribeImages request)
    {
        Guard.Against.Null(request);
        return request.Filter?.ImageIds is { Length: > MaxImageIdsPerCall } ids
            ? new ParameterLimitExceeded("ImageIds", ids.Length, MaxImageIdsPerCall)
            : PageRequest.Create(request.Offset, request.Limit);
    }

    /// <summary>
    /// The grants of an image as the caller may see them (R27): the owner sees every grant, a recipient only its own,
    /// anyone else gets <see cref="ImageNotFound"/> (R6); a public image has none.
    /// </summary>
    /// <param name="request">The image.</param>
    /// <param name="facts">The caller, the region, the image and every grant it has.</param>
    public Result<ImmutableArray<ShareGrant>> Decide(DescribeShareGrants request, ImageFacts facts)
    {
        Guard.Against.Null(request);
        if (!See(request.Caller, request.Region, request.ImageId, facts).TryGetValue(out var kind, out var hidden))
        {
            return hidden;
        }

        return kind switch
        {
            ImageKind.Custom => facts.Grants,
            ImageKind.Shared => [CallerGrant(request.Caller, facts)!],
            _ => ImmutableArray<ShareGrant>.Empty,
        };
    }

    /// <summary>How much of its custom-image quota the caller uses in the region (R11): every image of its catalogue there, in any state.</summary>
    /// <param name="request">The caller and region.</param>
    /// <param name="facts">The caller, the region and the caller's catalogue there.</param>
    public Result<QuotaUsage> Decide(DescribeQuota request, ImageFacts facts)
    {
        Guard.Against.Null(request);
        Guard.Against.Null(facts);
        return Place(request.Caller, request.Region, facts) is { } missing
            ? missing
            : new QuotaUsage(request.Caller, request.Region, facts.Catalogue.Length, MaxCustomImagesPerRegion);
    }

    /// <summary>
    /// May the caller launch an instance from the image (R30)? Allowed for a visible image in state <c>Normal</c>;
    /// the permit says why (public, owner or grant), carries the Windows licence fee where it applies (R31) and the
    /// untrusted-source advisory for shared images (R26). Allocates nothing, allowed or refused;
    /// <see cref="LaunchDecision.ToResult"/> gives the usual result.
    /// </summary>
    public LaunchDecision Decide(LaunchImage request, ImageFacts facts)
    {
        Guard.Against.Null(request);
        Guard.Against.Null(facts);
        return DecideLaunch(request, facts.Caller, facts.Region, facts.Image, CallerGrant(request.Caller, facts), facts.Now);
    }

    /// <summary>
    /// <see cref="Decide(LaunchImage, ImageFacts)"/> on the facts a launch reads, passed one by one: the in-memory
    /// store hands them over this way so that a launch through the service allocates nothing.
    /// </summary>
    /// <param name="request">The launch.</param>
    /// <param name="caller">The calling account, or null.</param>
    /// <param name="region">The region, or null.</param>
    /// <param name="image">The image with the request's id, or null.</param>
    /// <param name="callerGrant">The caller's grant for the image, or null.</param>
    /// <param name="now">The time, which decides an expired transition (R37).</param>
    internal LaunchDecision DecideLaunch(LaunchImage request, Account? caller, Region? region, Image? image, ShareGrant? callerGrant, DateTimeOffset now)
    {
        // As Place and See check them: facts about another caller, region or image are no facts about this request.
        if (caller?.Id != request.Caller || region is null || region.Id != request.Region)
        {
            return caller?.Id != request.Caller
                ? LaunchDecision.Refuse(request, LaunchRefusal.AccountNotFound)
                : LaunchDecision.Refuse(request, LaunchRefusal.RegionNotFound);
        }

        if (image is null || image.Id != request.ImageId || KindFor(image, request.Caller, request.Region, callerGrant) is not { } kind)
        {
            return LaunchDecision.Refuse(request, LaunchRefusal.ImageNotFound);
        }

        var state = image.State.IsInProgress() ? AsOf(image, now).State : image.State;
        return state == ImageState.Normal
            ? LaunchDecision.Allow(this, request, image, kind, region, kind == ImageKind.Shared ? callerGrant : null)
            : LaunchDecision.Refuse(request, LaunchRefusal.InvalidImageState, state);
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

    private Money Free => Money.Free(PriceList.Currency);

    private Money LicenceFee(Image image, Region region) =>
        image.OperatingSystem.Family == OsFamily.Windows && region.WindowsLicenceFeeApplies
            ? PriceList.WindowsLicenceFeePerHour(region)
            : Free;

    /// <summary>The caller's grant among the facts' grants, derived here rather than loaded apart.</summary>
    private static ShareGrant? CallerGrant(AccountId caller, ImageFacts facts)
    {
        foreach (var grant in facts.Grants)
        {
            if (grant.Recipient == caller)
            {
                return grant;
            }
        }

        return null;
    }

    /// <summary>The caller and region must exist (R7); then the image's kind for the caller, or <see cref="ImageNotFound"/> (R6).</summary>
    private static Result<ImageKind> See(AccountId caller, RegionId region, ImageId imageId, ImageFacts facts)
    {
        Guard.Against.Null(facts);
        if (Place(caller, region, facts) is { } missing)
        {
            return missing;
        }

        return facts.Image is { } image && image.Id == imageId && KindFor(image, caller, region, CallerGrant(caller, facts)) is { } kind
            ? kind
            : new ImageNotFound(imageId);
    }

    /// <summary>An unknown caller or region (R7), else null.</summary>
    private static Failure? Place(AccountId caller, RegionId region, ImageFacts facts) =>
        facts.Caller is null || facts.Caller.Id != caller ? new AccountNotFound(caller.Value)
        : facts.Region is null || facts.Region.Id != region ? new RegionNotFound(region.Value)
        : null;

    /// <summary>
    /// The image as it stands now, once the caller may act on it as its owner (R13). An invisible image is not found (R6);
    /// a recipient is refused with <see cref="SharedImageModifyUnsupported"/> when <paramref name="sharedIsUnsupported"/>
    /// (rename, re-describe, copy, re-share), otherwise like any other non-owner with <see cref="ImageNotOwned"/> (R25).
    /// </summary>
    private Result<Image> Owned(AccountId caller, RegionId region, ImageId imageId, ImageFacts facts, ImageOperation operation, bool sharedIsUnsupported)
    {
        if (!See(caller, region, imageId, facts).TryGetValue(out var kind, out var hidden))
        {
            return hidden;
        }

        return kind switch
        {
            ImageKind.Custom => AsOf(facts.Image!, facts.Now),
            ImageKind.Shared when sharedIsUnsupported => new SharedImageModifyUnsupported(imageId, operation),
            _ => new ImageNotOwned(imageId, operation),
        };
    }
}
