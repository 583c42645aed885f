using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>A page offset is negative (R2).</summary>
/// <remarks>Code <c>InvalidParameterValue</c>.</remarks>
/// <param name="Offset">The offset asked for.</param>
public sealed record PageOffsetInvalid(int Offset) : Failure
{
    /// <summary>The provider's error code for this failure.</summary>
    public const string ErrorCode = "InvalidParameterValue";

    /// <inheritdoc/>
    public override string Code => ErrorCode;

    /// <inheritdoc/>
    public override string Rule => "R2";

    /// <inheritdoc/>
    public override string Message => $"page offset {Offset} is negative";
}
