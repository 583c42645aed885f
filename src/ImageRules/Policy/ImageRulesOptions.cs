using System.Collections.Immutable;

namespace ImageRules.Policy;

/// <summary>
/// The limits and switches of the rules, in the Microsoft.Extensions options pattern: bound from the configuration
/// section <see cref="SectionName"/> (for example <c>"ImageRules": { "Profile": "Provider2025", "MaxCustomImagesPerRegion": 20 }</c>)
/// or set in code, and validated when the host starts. A limit left null takes its <see cref="Profile"/>'s figure.
/// </summary>
/// <remarks>
/// Mutable only while the host is configured, as options are by convention; <see cref="ImagePolicy"/> copies the
/// resolved figures when it is made, so changing an options object later changes no decision.
/// </remarks>
public sealed class ImageRulesOptions
{
    /// <summary>The configuration section bound by default: <c>ImageRules</c>.</summary>
    public const string SectionName = "ImageRules";

    /// <summary>The profile whose figures apply where no single option overrides them. Default: <see cref="ImageRulesProfile.Seed"/>.</summary>
    public ImageRulesProfile Profile { get; set; }

    /// <summary>The most custom images one account may hold in one region, in every state (R11); null for the profile's (seed 10, Provider 2025 500).</summary>
    public int? MaxCustomImagesPerRegion { get; set; }

    /// <summary>The most accounts one custom image may be shared with (R21); null for the profile's (seed 50, Provider 2025 500).</summary>
    public int? MaxShareRecipientsPerImage { get; set; }

    /// <summary>Whether a recipient may copy a shared image within its region as its own (R25); null for the profile's (seed no, Provider 2025 yes).</summary>
    public bool? RecipientsMayCopyWithinRegion { get; set; }

    /// <summary>Whether copies may cross between the Chinese mainland and other regions, as after a granted support ticket (R15). Default: false.</summary>
    public bool AllowCopyAcrossMainlandBorder { get; set; }

    /// <summary>How long an image may stay <c>Creating</c>, <c>Syncing</c> or <c>Importing</c> before it counts as failed (R37). Default: 1 hour.</summary>
    public TimeSpan TransitionTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How often the host's relay delivers again the saved events observers have not all taken (see
    /// <c>ImageService.DeliverPendingEventsAsync</c>), and how old such an event must be. Default: 5 seconds.
    /// </summary>
    public TimeSpan EventRedeliveryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The longest pause of the relay while the store keeps failing: after each failure the pause doubles from
    /// <see cref="EventRedeliveryInterval"/> up to this. Default: 5 minutes.
    /// </summary>
    public TimeSpan EventRedeliveryMaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Lists every problem with these options; empty when they are valid.</summary>
    public ImmutableArray<string> Validate()
    {
        var errors = ImmutableArray.CreateBuilder<string>();
        if (!Enum.IsDefined(Profile))
        {
            errors.Add($"{nameof(Profile)} is {Profile}: it must be {string.Join(" or ", Enum.GetNames<ImageRulesProfile>())}");
        }

        if (MaxCustomImagesPerRegion < 1)
        {
            errors.Add($"{nameof(MaxCustomImagesPerRegion)} is {MaxCustomImagesPerRegion}: it must be at least 1");
        }

        if (MaxShareRecipientsPerImage < 1)
        {
            errors.Add($"{nameof(MaxShareRecipientsPerImage)} is {MaxShareRecipientsPerImage}: it must be at least 1");
        }

        if (TransitionTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(TransitionTimeout)} is {TransitionTimeout}: it must be positive");
        }

        if (EventRedeliveryInterval <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(EventRedeliveryInterval)} is {EventRedeliveryInterval}: it must be positive");
        }

        if (EventRedeliveryMaxBackoff < EventRedeliveryInterval)
        {
            errors.Add($"{nameof(EventRedeliveryMaxBackoff)} is {EventRedeliveryMaxBackoff}: it must be at least {nameof(EventRedeliveryInterval)} ({EventRedeliveryInterval})");
        }

        return errors.ToImmutable();
    }
}
