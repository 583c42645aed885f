using System.Collections.Immutable;

namespace ImageRules.Policy;

/// <summary>
/// The limits and switches of the rules. The defaults are the provider overview's figures (the seed profile,
/// RULES.md "Profiles"); <see cref="Provider2025"/> holds the provider's later API figures.
/// </summary>
/// <remarks>Immutable; change a copy with <c>with</c>. <see cref="Validate"/> lists what is wrong; the policy refuses invalid options when it is made.</remarks>
public sealed record ImageRulesOptions
{
    /// <summary>The seed profile: 10 custom images per account and region, 50 accounts per image, shared images cannot be copied.</summary>
    public static ImageRulesOptions Seed { get; } = new();

    /// <summary>
    /// The provider's API figures: 500 custom images per account and region and 500 accounts per image (API reference,
    /// since 2024), and a recipient may copy a shared image within its source region as its own custom image (since 2025).
    /// </summary>
    public static ImageRulesOptions Provider2025 { get; } = new()
    {
        MaxCustomImagesPerRegion = 500,
        MaxShareRecipientsPerImage = 500,
        RecipientsMayCopyWithinRegion = true,
    };

    /// <summary>The most custom images one account may hold in one region, in every state (R11). Seed: 10.</summary>
    public int MaxCustomImagesPerRegion { get; init; } = 10;

    /// <summary>The most accounts one custom image may be shared with (R21). Seed: 50.</summary>
    public int MaxShareRecipientsPerImage { get; init; } = 50;

    /// <summary>When true, a recipient may copy a shared image within the image's region as its own custom image (Provider 2025). Seed: false (R25).</summary>
    public bool RecipientsMayCopyWithinRegion { get; init; }

    /// <summary>When true, copies may cross between the Chinese mainland and other regions, as after a granted support ticket (R15). Default: false.</summary>
    public bool AllowCopyAcrossMainlandBorder { get; init; }

    /// <summary>The prices behind creation quotes (R17) and the Windows licence fee (R31).</summary>
    public IPriceList PriceList { get; init; } = FlatPriceList.Default;

    /// <summary>Lists what is wrong with these options; empty when they are valid.</summary>
    public ImmutableArray<string> Validate()
    {
        var errors = ImmutableArray.CreateBuilder<string>();
        if (MaxCustomImagesPerRegion < 1)
        {
            errors.Add($"{nameof(MaxCustomImagesPerRegion)} is {MaxCustomImagesPerRegion}: it must be at least 1");
        }

        if (MaxShareRecipientsPerImage < 1)
        {
            errors.Add($"{nameof(MaxShareRecipientsPerImage)} is {MaxShareRecipientsPerImage}: it must be at least 1");
        }

        if (PriceList is null)
        {
            errors.Add($"{nameof(PriceList)} is missing");
        }

        return errors.ToImmutable();
    }

    /// <summary>Returns these options when valid.</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public ImageRulesOptions EnsureValid()
    {
        var errors = Validate();
        return errors.IsEmpty ? this : throw new ArgumentException("invalid image rules options: " + string.Join("; ", errors));
    }
}
