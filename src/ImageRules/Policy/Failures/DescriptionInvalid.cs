namespace ImageRules.Policy.Failures;

/// <summary>An image description is not text: it holds an unpaired surrogate or a NUL character (R12).</summary>
/// <remarks>Code <c>InvalidParameterValue</c>. The description itself is left out of the message: it cannot be shown.</remarks>
/// <param name="Reason">What is wrong with it.</param>
public sealed record DescriptionInvalid(string Reason) : Failure
{
    /// <summary>The provider's error code for this failure.</summary>
    public const string ErrorCode = "InvalidParameterValue";

    /// <inheritdoc/>
    public override string Code => ErrorCode;

    /// <inheritdoc/>
    public override string Rule => "R12";

    /// <inheritdoc/>
    public override string Message => $"image description is invalid: {Reason}";
}
