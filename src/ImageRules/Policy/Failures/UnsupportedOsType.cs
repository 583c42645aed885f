using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>Import supports CentOS, Ubuntu, Debian, CoreOS, openSUSE, SUSE and Windows only (R18).</summary>
/// <remarks>Code <c>InvalidImageOsType.Unsupported</c>.</remarks>
/// <param name="OsType">The operating system given.</param>
public sealed record UnsupportedOsType(string? OsType) : Failure
{
    /// <summary>The provider's error code for this failure.</summary>
    public const string ErrorCode = "InvalidImageOsType.Unsupported";

    /// <inheritdoc/>
    public override string Code => ErrorCode;

    /// <inheritdoc/>
    public override string Rule => "R18";

    /// <inheritdoc/>
    public override string Message => $"operating system {IdSyntax.Quote(OsType)} cannot be imported";
}
