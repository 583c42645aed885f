namespace ImageRules.Domain;

/// <summary>Who answers for problems inside an image's operating system (R33).</summary>
public enum SupportChannel
{
    /// <summary>The platform provides and maintains the OS (TencentOS).</summary>
    Platform,

    /// <summary>A third-party OS: its vendor or open-source community, with the platform assisting in troubleshooting.</summary>
    VendorWithPlatformAssistance,
}
