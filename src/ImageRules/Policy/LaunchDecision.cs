using ImageRules.Domain;
using ImageRules.Policy.Failures;

namespace ImageRules.Policy;

/// <summary>
/// A launch decision (R30) that allocates nothing, allowed or refused: <see cref="IsAllowed"/>, and the
/// <see cref="Permit"/> when allowed or the <see cref="Refusal"/> and its provider <see cref="Code"/> when not.
/// <see cref="ToResult"/> gives the usual <see cref="Result{T}"/>, building the <see cref="Failure"/> record only then.
/// </summary>
/// <remarks>
/// <para>For hot paths that ask "may this account launch this image?" many times and mostly need the yes or no. Made by
/// <see cref="ImagePolicy.DecideLaunch"/>; immutable.</para>
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

    private LaunchDecision(Image image, LaunchRefusal refusal, ImagePolicy? policy, Region? region, ImageKind kind, ShareGrant? grant)
    {
        this.image = image;
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
        LaunchRefusal.ImageNotFound => ImageNotFound.ErrorCode,
        LaunchRefusal.InvalidImageState => InvalidImageState.ErrorCode,
        _ => null,
    };

    /// <summary>The decision as a <see cref="Result{T}"/>: the permit, or the refusal's <see cref="Failure"/>, built now.</summary>
    /// <exception cref="InvalidOperationException">This is <c>default(LaunchDecision)</c>, not a decision.</exception>
    public Result<LaunchPermit> ToResult()
    {
        var decided = image ?? throw new InvalidOperationException("default(LaunchDecision) is not a decision");
        return Refusal switch
        {
            LaunchRefusal.None => Permit,
            LaunchRefusal.ImageNotFound => new ImageNotFound(decided.Id),
            _ => new InvalidImageState(decided.Id, decided.State),
        };
    }

    /// <inheritdoc/>
    public override string ToString() => image is null ? "not a decision" : IsAllowed ? $"allowed: {Permit}" : $"refused: {Code}";

    /// <summary>An allowed launch of <paramref name="image"/>, of <paramref name="kind"/> for the caller, whose permit <paramref name="policy"/> describes.</summary>
    internal static LaunchDecision Allow(ImagePolicy policy, Image image, ImageKind kind, Region region, ShareGrant? grant) =>
        new(image, LaunchRefusal.None, policy, region, kind, grant);

    /// <summary>A refused launch of <paramref name="image"/>, for <paramref name="refusal"/>.</summary>
    internal static LaunchDecision Refuse(Image image, LaunchRefusal refusal) =>
        new(image, refusal, policy: null, region: null, kind: default, grant: null);
}
