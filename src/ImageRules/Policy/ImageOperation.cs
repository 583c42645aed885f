namespace ImageRules.Policy;

/// <summary>The operations of the image service, as failures and dry runs name them.</summary>
public enum ImageOperation
{
    /// <summary>Launch an instance from an image (R30).</summary>
    Launch,

    /// <summary>Create a custom image from an instance (R10).</summary>
    Create,

    /// <summary>Import an image file (R18).</summary>
    Import,

    /// <summary>The platform completes a create, import or copy (R10, R37).</summary>
    Complete,

    /// <summary>Copy an image to another region (R14).</summary>
    Copy,

    /// <summary>Rename or re-describe an image (R12, R13).</summary>
    Modify,

    /// <summary>Delete an image (R16).</summary>
    Delete,

    /// <summary>Share an image with accounts (R20).</summary>
    Share,

    /// <summary>Cancel sharing with accounts (R24).</summary>
    CancelSharing,
}
