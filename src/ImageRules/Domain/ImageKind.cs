namespace ImageRules.Domain;

/// <summary>
/// The kind of an image as one viewer sees it (R1): it is computed for a viewer, never stored. A custom image is
/// <see cref="Custom"/> for its owner and <see cref="Shared"/> for an account holding a grant for it.
/// </summary>
public enum ImageKind
{
    /// <summary>Provided by the platform and visible to every account in its region (R3).</summary>
    Public,

    /// <summary>The viewer owns it (R4).</summary>
    Custom,

    /// <summary>Another account's custom image, seen through a share grant in the image's region (R5).</summary>
    Shared,
}
