using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>The operating-system version cannot be imported: Windows Server 2008, 2012 or 2016 only, and a Linux version must be given (R18).</summary>
/// <remarks>Code <c>InvalidImageOsVersion.Unsupported</c>; rules R18.</remarks>
public sealed class OsVersionUnsupported : Failure
{
    /// <summary>Makes the failure.</summary>
    /// <param name="osType">The type.</param>
    /// <param name="osVersion">The version given.</param>
    public OsVersionUnsupported(string osType, string? osVersion)
        : base("InvalidImageOsVersion.Unsupported")
    {
        OsType = osType;
        OsVersion = osVersion;
    }

    /// <summary>The type.</summary>
    public string OsType { get; }

    /// <summary>The version given.</summary>
    public string? OsVersion { get; }

    private protected override object? Fields => (OsType, OsVersion);

    private protected override string Describe() => $"version {IdSyntax.Quote(OsVersion)} of `{OsType}` cannot be imported";
}
