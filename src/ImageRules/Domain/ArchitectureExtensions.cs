namespace ImageRules.Domain;

/// <summary>The provider's names and the word size of each <see cref="Architecture"/>.</summary>
public static class ArchitectureExtensions
{
    /// <summary>32 for <c>i386</c>, 64 for the others.</summary>
    public static int Bits(this Architecture architecture) => architecture == Architecture.I386 ? 32 : 64;

    /// <summary>The provider's spelling: <c>i386</c>, <c>x86_64</c> or <c>arm64</c>.</summary>
    public static string ToProviderName(this Architecture architecture) => architecture switch
    {
        Architecture.I386 => "i386",
        Architecture.X86_64 => "x86_64",
        Architecture.Arm64 => "arm64",
        _ => throw new ArgumentOutOfRangeException(nameof(architecture), architecture, "unknown architecture"),
    };

    /// <summary>Reads the provider's spelling (case-insensitive); false for anything else.</summary>
    public static bool TryParseProviderName(string? text, out Architecture architecture)
    {
        foreach (var candidate in Enum.GetValues<Architecture>())
        {
            if (string.Equals(text, candidate.ToProviderName(), StringComparison.OrdinalIgnoreCase))
            {
                architecture = candidate;
                return true;
            }
        }

        architecture = default;
        return false;
    }
}
