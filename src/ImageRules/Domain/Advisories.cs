namespace ImageRules.Domain;

/// <summary>Warnings a decision carries for the person who acts on it.</summary>
[Flags]
public enum Advisories
{
    /// <summary>Nothing to warn about.</summary>
    None = 0,

    /// <summary>The image is shared by another account and the platform does not check it: it may pose security risks; avoid images from unknown sources (R26).</summary>
    UntrustedSource = 1,

    /// <summary>An imported Windows image has no activation service (R18).</summary>
    NoWindowsActivation = 2,
}
