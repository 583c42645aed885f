using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>An ISO file is imported only when forced (R18).</summary>
/// <remarks>Code <c>InvalidParameterValue.ISOMustImportByForce</c>; rules R18.</remarks>
public sealed class IsoMustImportByForce : Failure
{
    /// <summary>Makes the failure.</summary>
    /// <param name="url">The url of the ISO file.</param>
    public IsoMustImportByForce(string url)
        : base("InvalidParameterValue.ISOMustImportByForce")
    {
        Url = url;
    }

    /// <summary>The url of the ISO file.</summary>
    public string Url { get; }

    private protected override object? Fields => Url;

    private protected override string Describe() => $"import url {IdSyntax.Quote(Url)} names an iso file, imported only when forced";
}
