using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>An ISO file may be imported only when the request forces it (R18).</summary>
/// <remarks>Code <c>InvalidParameterValue.ISOMustImportByForce</c>.</remarks>
/// <param name="Url">The image file.</param>
public sealed record IsoMustImportByForce(string Url) : Failure
{
    /// <summary>The provider's error code for this failure.</summary>
    public const string ErrorCode = "InvalidParameterValue.ISOMustImportByForce";

    /// <inheritdoc/>
    public override string Code => ErrorCode;

    /// <inheritdoc/>
    public override string Rule => "R18";

    /// <inheritdoc/>
    public override string Message => $"image file {IdSyntax.Quote(Url)} is an iso: import it with force";
}
