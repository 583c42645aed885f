namespace ImageRules.Benchmarks;

/// <summary>Which launch requests a run of <see cref="LaunchDecisionBenchmarks"/> cycles through.</summary>
public enum LaunchOutcome
{
    /// <summary>Requests the rules allow: public images (with and without the Windows fee), the owner, a grant holder.</summary>
    Allowed,

    /// <summary>Requests the rules refuse: no grant, the wrong region, an image not yet <c>Normal</c>, another account's private image.</summary>
    Refused,
}
