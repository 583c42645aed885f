using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>A region is malformed or unknown (R7, R14).</summary>
/// <remarks>Code <c>InvalidRegion.NotFound</c>.</remarks>
/// <param name="Region">The region as given (possibly malformed).</param>
public sealed record RegionNotFound(string? Region) : Failure
{
    /// <summary>The provider's error code for this failure.</summary>
    public const string ErrorCode = "InvalidRegion.NotFound";

    /// <inheritdoc/>
    public override string Code => ErrorCode;

    /// <inheritdoc/>
    public override string Rule => "R7";

    /// <inheritdoc/>
    public override string Message => $"region {IdSyntax.Quote(Region)} does not exist";
}
