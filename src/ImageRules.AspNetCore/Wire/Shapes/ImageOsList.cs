namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>ImageOsList</c>: the operating systems an import supports, by family.</summary>
/// <remarks>Every field is optional. Immutable.</remarks>
internal sealed record ImageOsList
{
    /// <summary>The Windows systems.</summary>
    public IReadOnlyList<string>? Windows { get; init; }

    /// <summary>The Linux systems.</summary>
    public IReadOnlyList<string>? Linux { get; init; }
}
