using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>A disk or file size below 1 GiB: an image always has a size, and a quote is never negative (R10, R17, R18).</summary>
/// <remarks>Code <c>InvalidParameterValue</c>.</remarks>
/// <param name="What">Which size, such as <c>system disk</c>.</param>
/// <param name="SizeGiB">The size given.</param>
public sealed record DiskSizeInvalid(string What, int SizeGiB) : Failure
{
    /// <summary>The provider's error code for this failure.</summary>
    public const string ErrorCode = "InvalidParameterValue";

    /// <inheritdoc/>
    public override string Code => ErrorCode;

    /// <inheritdoc/>
    public override string Rule => "R10";

    /// <inheritdoc/>
    public override string Message => $"{What} size {SizeGiB} GiB is invalid: it must be at least 1 GiB";
}
