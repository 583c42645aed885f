namespace ImageRules.Domain;

/// <summary>Why an account may launch an instance from an image (R30).</summary>
public enum LaunchReason
{
    /// <summary>The image is public (R3).</summary>
    PublicImage,

    /// <summary>The caller owns the image (R4).</summary>
    Owner,

    /// <summary>The caller holds a share grant for the image in its region (R5).</summary>
    ShareGrant,
}
