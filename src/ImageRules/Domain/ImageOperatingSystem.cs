namespace ImageRules.Domain;

/// <summary>The operating system inside an image.</summary>
/// <param name="Family">Linux or Windows.</param>
/// <param name="Platform">The distribution or product line, such as <see cref="OsPlatform.TencentOS"/>.</param>
/// <param name="Name">The full name, such as <c>TencentOS Server 3.1 (TK4)</c>.</param>
public sealed record ImageOperatingSystem(OsFamily Family, string Platform, string Name)
{
    /// <summary>
    /// Who supports images of this system (R33): the platform for its own OS (TencentOS); the vendor or community,
    /// with the platform assisting, for every third-party OS.
    /// </summary>
    public SupportChannel Support =>
        string.Equals(Platform, OsPlatform.TencentOS, StringComparison.OrdinalIgnoreCase)
            ? SupportChannel.Platform
            : SupportChannel.VendorWithPlatformAssistance;
}
