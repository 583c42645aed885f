using ImageRules.Domain;
using ImageRules.Policy.Requests;

namespace ImageRules.Policy.Failures;

/// <summary>The imported system disk is larger than 500 GiB (R18).</summary>
/// <remarks>Code <c>InvalidParameterValue.TooLarge</c>.</remarks>
/// <param name="SizeGiB">The system disk size given.</param>
public sealed record SystemDiskTooLarge(int SizeGiB) : Failure
{
    /// <summary>The provider's error code for this failure.</summary>
    public const string ErrorCode = "InvalidParameterValue.TooLarge";

    /// <inheritdoc/>
    public override string Code => ErrorCode;

    /// <inheritdoc/>
    public override string Rule => "R18";

    /// <inheritdoc/>
    public override string Message => $"system disk is {SizeGiB} GiB, more than {ImportImageRequest.MaxSystemDiskGiB} GiB";
}
