using ImageRules.Domain;
using ImageRules.Policy.Requests;

namespace ImageRules.Policy.Failures;

/// <summary>The image file is larger than 50 GiB (R18).</summary>
/// <remarks>Code <c>InvalidParameterValue.TooLarge</c>.</remarks>
/// <param name="SizeGiB">The file size given.</param>
public sealed record ImportFileTooLarge(int SizeGiB) : Failure
{
    /// <summary>The provider's error code for this failure.</summary>
    public const string ErrorCode = "InvalidParameterValue.TooLarge";

    /// <inheritdoc/>
    public override string Code => ErrorCode;

    /// <inheritdoc/>
    public override string Rule => "R18";

    /// <inheritdoc/>
    public override string Message => $"image file is {SizeGiB} GiB, more than {ImportImageRequest.MaxFileSizeGiB} GiB";
}
