using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>An image name is empty, blank or holds control characters (R12).</summary>
/// <remarks>Code <c>InvalidParameterValue</c>.</remarks>
/// <param name="Name">The name given.</param>
/// <param name="Reason">What is wrong with it.</param>
public sealed record ImageNameInvalid(string? Name, string Reason) : Failure
{
    /// <summary>The provider's error code for this failure.</summary>
    public const string ErrorCode = "InvalidParameterValue";

    /// <inheritdoc/>
    public override string Code => ErrorCode;

    /// <inheritdoc/>
    public override string Rule => "R12";

    /// <inheritdoc/>
    public override string Message => $"image name {IdSyntax.Quote(Name)} is invalid: {Reason}";
}
