namespace ImageRules.Domain;

/// <summary>The processor architecture of an image (R2: images are chosen by 32- or 64-bit).</summary>
public enum Architecture
{
    /// <summary><c>i386</c>, 32-bit.</summary>
    I386,

    /// <summary><c>x86_64</c>, 64-bit.</summary>
#pragma warning disable CA1707 // The provider's own spelling reads better than X8664.
    X86_64,
#pragma warning restore CA1707

    /// <summary><c>arm64</c>, 64-bit.</summary>
    Arm64,
}
