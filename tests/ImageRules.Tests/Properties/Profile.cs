using ImageRules.Policy;

namespace ImageRules.Tests.Properties;

/// <summary>
/// A named set of options the properties run under. Each run gets fresh options (the options class is mutable, by
/// the options pattern) and the policy made from them, whose resolved figures the <see cref="ReferenceModel"/> and
/// the invariants read.
/// </summary>
/// <param name="Name">The name shown in counterexamples.</param>
/// <param name="Base">The profile whose figures apply where no option below overrides them.</param>
/// <param name="MaxCustomImagesPerRegion">R11's limit, or null for the profile's.</param>
/// <param name="MaxShareRecipientsPerImage">R21's limit, or null for the profile's.</param>
/// <param name="AllowCopyAcrossMainlandBorder">R15's switch.</param>
/// <param name="TransitionTimeout">R37's timeout; null for one no script reaches, as the reference model (which knows no timeout) needs.</param>
public sealed record Profile(
    string Name,
    ImageRulesProfile Base,
    int? MaxCustomImagesPerRegion = null,
    int? MaxShareRecipientsPerImage = null,
    bool AllowCopyAcrossMainlandBorder = false,
    TimeSpan? TransitionTimeout = null)
{
    /// <summary>
    /// Longer than any script runs (a minute a step, from worlds made at most days before): the model, written from
    /// the rules before R37, keeps an image in progress until the platform reports, and so does the service here.
    /// </summary>
    public static readonly TimeSpan NoTimeout = TimeSpan.FromDays(3650);

    /// <summary>The seed profile, the library's default (10 images per region, 50 accounts per image).</summary>
    public static Profile Seed { get; } = new("seed", ImageRulesProfile.Seed);

    /// <summary>
    /// The Provider 2025 preset's switches (recipients may copy within the region) with its 500s scaled down to 4
    /// images per region and 2 accounts per image, so 100 operations reach both limits.
    /// </summary>
    public static Profile Provider2025Scaled { get; } = new("provider 2025, scaled", ImageRulesProfile.Provider2025, MaxCustomImagesPerRegion: 4, MaxShareRecipientsPerImage: 2);

    /// <summary><see cref="Provider2025Scaled"/> after a granted support ticket: copies may cross the mainland border (R15).</summary>
    public static Profile Provider2025ScaledAcrossBorder { get; } =
        Provider2025Scaled with { Name = "provider 2025, scaled, copies across the mainland border", AllowCopyAcrossMainlandBorder = true };

    /// <summary>The seed profile where images left in progress fail after 30 minutes (R37), so scripts of a minute a step reach it. For the invariants, not the model.</summary>
    public static Profile SeedTimingOut { get; } = Seed with { Name = "seed, transitions time out after 30 minutes", TransitionTimeout = TimeSpan.FromMinutes(30) };

    /// <summary>Every profile the reference model can follow.</summary>
    public static IReadOnlyList<Profile> Modelled { get; } = [Seed, Provider2025Scaled, Provider2025ScaledAcrossBorder];

    /// <summary>Every profile, for the invariants.</summary>
    public static IReadOnlyList<Profile> All { get; } = [.. Modelled, SeedTimingOut];

    /// <summary>Fresh options of this profile.</summary>
    public ImageRulesOptions Options() => new()
    {
        Profile = Base,
        MaxCustomImagesPerRegion = MaxCustomImagesPerRegion,
        MaxShareRecipientsPerImage = MaxShareRecipientsPerImage,
        AllowCopyAcrossMainlandBorder = AllowCopyAcrossMainlandBorder,
        TransitionTimeout = TransitionTimeout ?? NoTimeout,
    };

    /// <summary>The policy of this profile, with its figures resolved.</summary>
    public ImagePolicy Policy() => new(Options());

    /// <inheritdoc/>
    public override string ToString()
    {
        var policy = Policy();
        return $"{Name} ({policy.MaxCustomImagesPerRegion} images per region, {policy.MaxShareRecipientsPerImage} accounts per image"
            + (policy.RecipientsMayCopyWithinRegion ? ", recipients may copy within the region" : string.Empty)
            + (policy.AllowCopyAcrossMainlandBorder ? ", copies may cross the mainland border" : string.Empty)
            + (TransitionTimeout is { } timeout ? $", transitions time out after {timeout.TotalMinutes} minutes" : string.Empty) + ")";
    }
}
