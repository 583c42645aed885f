using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>An image description is longer than 256 characters (R12).</summary>
/// <remarks>Code <c>InvalidParameterValue.TooLarge</c>.</remarks>
/// <param name="Length">The length given, in characters.</param>
public sealed record DescriptionTooLong(int Length) : Failure
{
    /// <summary>The provider's error code for this failure.</summary>
    public const string ErrorCode = "InvalidParameterValue.TooLarge";

    /// <inheritdoc/>
    public override string Code => ErrorCode;

    /// <inheritdoc/>
    public override string Rule => "R12";

    /// <inheritdoc/>
    public override string Message => $"image description is {Length} characters long, more than {Image.MaxDescriptionLength}";
}
