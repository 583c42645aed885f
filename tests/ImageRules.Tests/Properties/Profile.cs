using ImageRules.Policy;

namespace ImageRules.Tests.Properties;

/// <summary>A named set of options the properties run under.</summary>
/// <param name="Name">The name shown in counterexamples.</param>
/// <param name="Options">The options.</param>
public sealed record Profile(string Name, ImageRulesOptions Options)
{
    /// <summary>The seed profile, the library's default (10 images per region, 50 accounts per image).</summary>
    public static Profile Seed { get; } = new("seed", ImageRulesOptions.Seed);

    /// <summary>
    /// <see cref="ImageRulesOptions.Provider2025"/>'s switches (recipients may copy within the region) with its 500s
    /// scaled down to 4 images per region and 2 accounts per image, so 100 operations reach both limits.
    /// </summary>
    public static Profile Provider2025Scaled { get; } = new(
        "provider 2025, scaled",
        ImageRulesOptions.Provider2025 with { MaxCustomImagesPerRegion = 4, MaxShareRecipientsPerImage = 2 });

    /// <summary><see cref="Provider2025Scaled"/> after a granted support ticket: copies may cross the mainland border (R15).</summary>
    public static Profile Provider2025ScaledAcrossBorder { get; } = new(
        "provider 2025, scaled, copies across the mainland border",
        Provider2025Scaled.Options with { AllowCopyAcrossMainlandBorder = true });

    /// <summary>Every profile.</summary>
    public static IReadOnlyList<Profile> All { get; } = [Seed, Provider2025Scaled, Provider2025ScaledAcrossBorder];

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Name} ({Options.MaxCustomImagesPerRegion} images per region, {Options.MaxShareRecipientsPerImage} accounts per image"
        + (Options.RecipientsMayCopyWithinRegion ? ", recipients may copy within the region" : string.Empty)
        + (Options.AllowCopyAcrossMainlandBorder ? ", copies may cross the mainland border" : string.Empty) + ")";
}
