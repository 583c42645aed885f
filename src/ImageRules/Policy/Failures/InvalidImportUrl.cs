using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>The image file URL is not an object-storage URL in the target region (R18: the source must be in the same region).</summary>
/// <remarks>Code <c>InvalidParameter.InvalidParameterUrlError</c>.</remarks>
/// <param name="Url">The URL given.</param>
/// <param name="Reason">What is wrong with it.</param>
public sealed record InvalidImportUrl(string? Url, string Reason) : Failure
{
    /// <summary>The provider's error code for this failure.</summary>
    public const string ErrorCode = "InvalidParameter.InvalidParameterUrlError";

    /// <inheritdoc/>
    public override string Code => ErrorCode;

    /// <inheritdoc/>
    public override string Rule => "R18";

    /// <inheritdoc/>
    public override string Message => $"image file url {IdSyntax.Quote(Url)} is invalid: {Reason}";
}
