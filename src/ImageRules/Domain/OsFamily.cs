namespace ImageRules.Domain;

/// <summary>The operating-system family of an image.</summary>
public enum OsFamily
{
    /// <summary>Linux and other Unix-like systems.</summary>
    Linux,

    /// <summary>Windows; public Windows images may carry a licence fee (R31).</summary>
    Windows,
}
