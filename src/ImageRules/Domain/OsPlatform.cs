namespace ImageRules.Domain;

/// <summary>The platform names the provider uses for images' operating systems.</summary>
public static class OsPlatform
{
    /// <summary>The platform's own Linux, supported by the platform itself (R33).</summary>
    public const string TencentOS = "TencentOS";

    /// <summary>CentOS.</summary>
    public const string CentOS = "CentOS";

    /// <summary>Ubuntu.</summary>
    public const string Ubuntu = "Ubuntu";

    /// <summary>Debian.</summary>
    public const string Debian = "Debian";

    /// <summary>CoreOS.</summary>
    public const string CoreOS = "CoreOS";

    /// <summary>openSUSE.</summary>
    public const string OpenSuse = "openSUSE";

    /// <summary>SUSE.</summary>
    public const string Suse = "SUSE";

    /// <summary>Windows.</summary>
    public const string Windows = "Windows";
}
