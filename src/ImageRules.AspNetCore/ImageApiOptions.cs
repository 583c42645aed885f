namespace ImageRules.AspNetCore;

/// <summary>
/// How the provider's image API stand-in behaves where the platform, not the rules, decides: how long the platform
/// takes to produce an image, which images it fails, and what an instance costs. Bound from the configuration section
/// <see cref="SectionName"/> or set in code; validated on start.
/// </summary>
public sealed class ImageApiOptions
{
    /// <summary>The configuration section bound by default: <c>ImageRules:Api</c>.</summary>
    public const string SectionName = "ImageRules:Api";

    /// <summary>How long a created image stays <c>CREATING</c>, a copy <c>SYNCING</c> and an import <c>IMPORTING</c> before the platform completes it, on the host's <see cref="TimeProvider"/>. Default: 2 seconds; zero completes at once.</summary>
    public TimeSpan ReadyAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>When set, images whose name contains this text end <c>CREATEFAILED</c>/<c>IMPORTFAILED</c> instead of <c>NORMAL</c>, so clients can test their error paths. Default: none.</summary>
    public string? FailImagesNamedWith { get; set; }

    /// <summary>The stand-in's hourly price of any instance, before an image's licence fee (R31) is added. Default: 0.12.</summary>
    public decimal InstancePricePerHour { get; set; } = 0.12m;
}
