namespace ImageRules.Domain;

/// <summary>Where an image came from.</summary>
public enum ImageSource
{
    /// <summary>Provided by the platform: a public image (R3).</summary>
    Official,

    /// <summary>Created by an account from one of its instances (R10).</summary>
    Instance,

    /// <summary>Imported by an account from an image file (R18).</summary>
    Imported,

    /// <summary>Copied from another image (R14).</summary>
    Copied,
}
