using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>A page size is below 1 or above 100 (R2).</summary>
/// <remarks>Code <c>InvalidParameterValue.LimitExceeded</c>.</remarks>
/// <param name="Limit">The page size asked for.</param>
public sealed record PageLimitExceeded(int Limit) : Failure
{
    /// <summary>The provider's error code for this failure.</summary>
    public const string ErrorCode = "InvalidParameterValue.LimitExceeded";

    /// <inheritdoc/>
    public override string Code => ErrorCode;

    /// <inheritdoc/>
    public override string Rule => "R2";

    /// <inheritdoc/>
    public override string Message => $"page size {Limit} is outside 1 to {PageRequest.MaxLimit}";
}
