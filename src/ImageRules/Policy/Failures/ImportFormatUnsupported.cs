using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>The image file is not RAW, VHD, QCOW2, VMDK or ISO (R18).</summary>
/// <remarks>Code <c>InvalidParameter.InvalidParameterUrlError</c>.</remarks>
/// <param name="Url">The image file.</param>
public sealed record ImportFormatUnsupported(string Url) : Failure
{
    /// <summary>The provider's error code for this failure.</summary>
    public const string ErrorCode = "InvalidParameter.InvalidParameterUrlError";

    /// <inheritdoc/>
    public override string Code => ErrorCode;

    /// <inheritdoc/>
    public override string Rule => "R18";

    /// <inheritdoc/>
    public override string Message => $"image file {IdSyntax.Quote(Url)} is not raw, vhd, qcow2, vmdk or iso";
}
