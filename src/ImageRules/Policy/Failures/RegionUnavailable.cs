using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>A region exists but cannot take the operation: it does not support copy or import, or it is the image's own region for a copy (R14, R18).</summary>
/// <remarks>Code <c>InvalidRegion.Unavailable</c>.</remarks>
/// <param name="Region">The region refused.</param>
/// <param name="Reason">Why, in a few lowercase words.</param>
public sealed record RegionUnavailable(RegionId Region, string Reason) : Failure
{
    /// <summary>The provider's error code for this failure.</summary>
    public const string ErrorCode = "InvalidRegion.Unavailable";

    /// <inheritdoc/>
    public override string Code => ErrorCode;

    /// <inheritdoc/>
    public override string Rule => "R14";

    /// <inheritdoc/>
    public override string Message => $"region `{Region}` is unavailable: {Reason}";
}
