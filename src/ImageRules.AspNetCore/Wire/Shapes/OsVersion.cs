namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>OsVersion</c>: an operating system an import supports, with its versions and architectures.</summary>
/// <remarks>Every field is optional. Immutable.</remarks>
internal sealed record OsVersion
{
    /// <summary>The operating system, such as <c>CentOS</c>.</summary>
    public string? OsName { get; init; }

    /// <summary>Its versions, such as <c>7</c>.</summary>
    public IReadOnlyList<string>? OsVersions { get; init; }

    /// <summary>Its architectures, such as <c>x86_64</c>.</summary>
    public IReadOnlyList<string>? Architecture { get; init; }
}
