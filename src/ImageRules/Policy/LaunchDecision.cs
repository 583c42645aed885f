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
/// <para>Deliberately small (the request and the facts the decision rests on, not the permit itself), so it is cheap
/// to return and copy: the <see cref="LaunchPermit"/> is described from those facts by the deciding policy each time
/// <see cref="Permit"/> is read, the same permit every time, and a refusal's failure from the request.</para>
/// <para><c>default(LaunchDecision)</c> is not a valid decision: it is neither allowed nor refused, and
/// <see cref="ToResult"/> throws on it.</para>
/// </remarks>
public readonly struct LaunchDecision
{
    private readonly LaunchImage? request;
    private readonly Image? image;
    private readonly ShareGrant? grant;
    private readonly Region? region;
    private readonly ImagePolicy? policy;
    private readonly ImageKind kind;
    private readonly ImageState state;

    private LaunchDecision(LaunchImage request, LaunchRefusal refusal, ImageState state, ImagePolicy? policy, Image? image, Region? region, ImageKind kind, ShareGrant? grant)
    {
        this.request = request;
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
        if (request is null)
        {
            throw new InvalidOperationException("default(LaunchDecision) is not a decision");
        }

        return Refusal switch
        {
            LaunchRefusal.None => Permit,
            LaunchRefusal.ImageNotFound => new ImageNotFound(request.ImageId),
            LaunchRefusal.AccountNotFound => new AccountNotFound(request.Caller.Value),
            LaunchRefusal.RegionNotFound => new RegionNotFound(request.Region.Value),
            _ => new ImageStateInvalid(request.ImageId, state, ImageOperation.Launch),
        };
    }

    /// <inheritdoc/>
    public override string ToString() => request is null ? "not a decision" : IsAllowed ? $"allowed: {Permit}" : $"refused: {Code}";

    /// <summary>An allowed <paramref name="request"/> to launch <paramref name="image"/>, of <paramref name="kind"/> for the caller, whose permit <paramref name="policy"/> describes.</summary>
    internal static LaunchDecision Allow(ImagePolicy policy, LaunchImage request, Image image, ImageKind kind, Region region, ShareGrant? grant) =>
        new(request, LaunchRefusal.None, image.State, policy, image, region, kind, grant);

    /// <summary>A refused <paramref name="request"/>, for <paramref name="refusal"/>; <paramref name="state"/> is the image's when it is not <c>Normal</c>.</summary>
    internal static LaunchDecision Refuse(LaunchImage request, LaunchRefusal refusal, ImageState state = ImageState.Normal) =>
        new(request, refusal, state, policy: null, image: null, region: null, kind: default, grant: null);
}
