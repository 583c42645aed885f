using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>An image id is not <c>img-</c> followed by 8 lowercase letters or digits; rejected before any lookup.</summary>
/// <remarks>Code <c>InvalidImageId.Malformed</c>.</remarks>
/// <param name="Text">The text that was given.</param>
public sealed record MalformedImageId(string? Text) : Failure
{
    /// <summary>The provider's error code for this failure.</summary>
    public const string ErrorCode = "InvalidImageId.Malformed";

    /// <inheritdoc/>
    public override string Code => ErrorCode;

    /// <inheritdoc/>
    public override string Rule => "R7";

    /// <inheritdoc/>
    public override string Message => $"image id {IdSyntax.Quote(Text)} is malformed: expected `img-` and 8 lowercase letters or digits";
}
