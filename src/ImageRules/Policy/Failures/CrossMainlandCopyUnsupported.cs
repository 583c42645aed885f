using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>A copy would cross between the Chinese mainland and a region outside it; the provider requires a support ticket, so the options must allow it (R15).</summary>
/// <remarks>Code <c>UnsupportedOperation.Region</c>.</remarks>
/// <param name="From">The image's region.</param>
/// <param name="To">The target region.</param>
public sealed record CrossMainlandCopyUnsupported(RegionId From, RegionId To) : Failure
{
    /// <summary>The provider's error code for this failure.</summary>
    public const string ErrorCode = "UnsupportedOperation.Region";

    /// <inheritdoc/>
    public override string Code => ErrorCode;

    /// <inheritdoc/>
    public override string Rule => "R15";

    /// <inheritdoc/>
    public override string Message => $"copying from region `{From}` to region `{To}` crosses the chinese mainland border and needs a support ticket";
}
