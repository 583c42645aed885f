namespace ImageRules.Tests.Properties;

/// <summary>The operating system an <see cref="ImportImage"/> declares: a supported one, or one R18 refuses.</summary>
public enum ImportSystem
{
    /// <summary>CentOS 7.9 on x86_64.</summary>
    CentOS79,

    /// <summary>Ubuntu 22.04 on i386.</summary>
    Ubuntu2204On32Bit,

    /// <summary>Windows Server 2016 on x86_64: imported without activation (an advisory).</summary>
    WindowsServer2016,

    /// <summary>Windows Server 2003: an unsupported version.</summary>
    WindowsServer2003,

    /// <summary>FreeBSD: an unsupported type.</summary>
    FreeBsd,

    /// <summary>Debian on arm64: an unsupported architecture.</summary>
    DebianOnArm64,
}
