using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>The operating system cannot be imported: Linux (CentOS, Ubuntu, Debian, CoreOS, openSUSE, SUSE) or Windows only (R18).</summary>
/// <remarks>Code <c>InvalidImageOsType.Unsupported</c>; rules R18.</remarks>
public sealed class OsTypeUnsupported : Failure
{
    /// <summary>Makes the failure.</summary>
    /// <param name="osType">The type given.</param>
    public OsTypeUnsupported(string? osType)
        : base("InvalidImageOsType.Unsupported")
    {
        OsType = osType;
    }

    /// <summary>The type given.</summary>
    public string? OsType { get; }

    private protected override object? Fields => OsType;

    private protected override string Describe() => $"os type {IdSyntax.Quote(OsType)} cannot be imported";
}
