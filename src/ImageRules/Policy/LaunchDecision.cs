using ImageRules.Domain;
using ImageRules.Policy.Failures;

namespace ImageRules.Policy;

/// <summary>
/// A launch decision (R30) that allocates nothing, allowed or refused: <see cref="IsAllowed"/>, and the
/// <see cref="Permit"/> when allowed or the <see cref="Refusal"/> and its provider <see cref="Code"/> when not.
/// <see cref="ToResult"/> gives the usual <see cref="Result{T}"/>, building the <see cref="Failure"/> only then.
/// </summary>
/// <remarks>
/// <para>For hot paths that ask "may this account launch this image?" many times and mostly need the yes or no. Made by
/// <see cref="ImagePolicy.Decide(LaunchImage, ImageFacts)"/>; immutable.</para>
/// <para>Deliberately small (the facts the decision rests on, not the permit itself), so it is cheap to return and
/// copy: the <see cref="LaunchPermit"/> is described from those facts by the deciding policy each time
/// <see cref="Permit"/> is read, the same permit every time.</para>
/// <para><c>default(LaunchDecision)</c> is not a valid decision: it is neither allowed nor refused, and
/// <see cref="ToResult"/> throws on it.</para>
/// </remarks>
public readonly struct LaunchDecision
{
    private readonly Image? image;
    private readonly ShareGrant? grant;
    private readonly Region? region;
    private readonly ImagePolicy? policy;
    private readonly ImageKind kind;
    private readonly ImageId imageId;
    private readonly ImageState state;
    private readonly string? missing;

    private LaunchDecision(ImageId imageId, LaunchRefusal refusal, ImageState state, ImagePolicy? policy, Image? image, Region? region, ImageKind kind, ShareGrant? grant, string? missing = null)
    {
        this.missing = missing;
        this.imageId = imageId;
        this.image = image;
        this.state = state;
        Refusal = refusal;
        this.policy = policy;
        this.region = region;
        this.kind = kind;
        this.grant = grant;
    }

    /// <summary>True when the launch is allowed; <see cref="Permit"/> then says why.</summary>
    public bool IsAllowed => policy is not null;

    /// <summary>Why the launch is refused; <see cref="LaunchRefusal.None"/> when it is allowed.</summary>
    public LaunchRefusal Refusal { get; }

    /// <summary>The permit of an allowed launch: why, the licence fee (R31) and the advisories (R26).</summary>
    /// <exception cref="InvalidOperationException">The launch is refused; check <see cref="IsAllowed"/> first.</exception>
    public LaunchPermit Permit => policy is not null
        ? policy.Permit(image!, kind, region!, grant)
        : throw new InvalidOperationException($"the launch is refused: {Refusal}");

    /// <summary>The provider's error code of a refusal (a constant string, so reading it allocates nothing); null when allowed.</summary>
    public string? Code => Refusal switch
    {
        LaunchRefusal.ImageNotFound => "InvalidImageId.NotFound",
        LaunchRefusal.InvalidImageState => "InvalidParameterValue.InvalidImageState",
        LaunchRefusal.AccountNotFound => "InvalidAccountId.NotFound",
        LaunchRefusal.RegionNotFound => "InvalidRegion.NotFound",
        _ => null,
    };

    /// <summary>The decision as a <see cref="Result{T}"/>: the permit, or the refusal's <see cref="Failure"/>, built now.</summary>
    /// <exception cref="InvalidOperationException">This is <c>default(LaunchDecision)</c>, not a decision.</exception>
    public Result<LaunchPermit> ToResult()
    {
        if (imageId == default)
        {
            throw new InvalidOperationException("default(LaunchDecision) is not a decision");
        }

        return Refusal switch
        {
            LaunchRefusal.None => Permit,
            LaunchRefusal.ImageNotFound => new ImageNotFound(imageId),
            LaunchRefusal.AccountNotFound => new AccountNotFound(missing),
            LaunchRefusal.RegionNotFound => new RegionNotFound(missing),
            _ => new ImageStateInvalid(imageId, state, ImageOperation.Launch),
        };
    }

    /// <inheritdoc/>
    public override string ToString() => imageId == default ? "not a decision" : IsAllowed ? $"allowed: {Permit}" : $"refused: {Code}";

    /// <summary>An allowed launch of <paramref name="image"/>, of <paramref name="kind"/> for the caller, whose permit <paramref name="policy"/> describes.</summary>
    internal static LaunchDecision Allow(ImagePolicy policy, Image image, ImageKind kind, Region region, ShareGrant? grant) =>
        new(image.Id, LaunchRefusal.None, image.State, policy, image, region, kind, grant);

    /// <summary>A refused launch of <paramref name="imageId"/>, for <paramref name="refusal"/>; <paramref name="state"/> is the image's when it is not <c>Normal</c>.</summary>
    internal static LaunchDecision Refuse(ImageId imageId, LaunchRefusal refusal, ImageState state) =>
        new(imageId, refusal, state, policy: null, image: null, region: null, kind: default, grant: null);

    /// <summary>A launch refused because the caller or region named by <paramref name="missing"/> does not exist (R7).</summary>
    internal static LaunchDecision RefuseUnknown(ImageId imageId, LaunchRefusal refusal, string missing) =>
        new(imageId, refusal, ImageState.Normal, policy: null, image: null, region: null, kind: default, grant: null, missing);
}
