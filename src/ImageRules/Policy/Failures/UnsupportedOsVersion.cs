using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>Import of Windows supports Windows Server 2008, 2012 and 2016 only; other systems need a version (R18).</summary>
/// <remarks>Code <c>InvalidImageOsVersion.Unsupported</c>.</remarks>
/// <param name="OsType">The operating system.</param>
/// <param name="OsVersion">The version given.</param>
public sealed record UnsupportedOsVersion(string OsType, string? OsVersion) : Failure
{
    /// <summary>The provider's error code for this failure.</summary>
    public const string ErrorCode = "InvalidImageOsVersion.Unsupported";

    /// <inheritdoc/>
    public override string Code => ErrorCode;

    /// <inheritdoc/>
    public override string Rule => "R18";

    /// <inheritdoc/>
    public override string Message => $"version {IdSyntax.Quote(OsVersion)} of `{OsType}` cannot be imported";
}
