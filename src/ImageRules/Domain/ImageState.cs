namespace ImageRules.Domain;

/// <summary>The life-cycle state of an image (R10, R14, R16).</summary>
public enum ImageState
{
    /// <summary>Being created from an instance; cannot be deleted yet.</summary>
    Creating,

    /// <summary>Being imported; cannot be deleted yet.</summary>
    Importing,

    /// <summary>Being copied into its region; cannot be deleted yet.</summary>
    Syncing,

    /// <summary>Ready: may be launched, copied and shared.</summary>
    Normal,

    /// <summary>Creation from an instance failed; may be deleted.</summary>
    CreateFailed,

    /// <summary>Import failed; may be deleted.</summary>
    ImportFailed,

    /// <summary>A copy failed; may be deleted.</summary>
    SyncFailed,
}
