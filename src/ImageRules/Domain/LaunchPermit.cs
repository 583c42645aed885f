namespace ImageRules.Domain;

/// <summary>
/// Permission to launch an instance from an image (R30), with why it is allowed, what it costs and what to warn about.
/// </summary>
/// <remarks>A struct, so an allowed launch decision allocates nothing.</remarks>
public readonly record struct LaunchPermit
{
    /// <summary>Made by the policy only: a permit is an answer, never an input.</summary>
    /// <param name="image">The image.</param>
    /// <param name="kind">The image's kind for the caller.</param>
    /// <param name="reason">Why the launch is allowed.</param>
    /// <param name="grant">The grant that allows it, for <see cref="LaunchReason.ShareGrant"/>; otherwise null.</param>
    /// <param name="licenceFeePerHour">The hourly licence fee: charged only for public Windows images outside the Chinese mainland where the region charges it (R31); free otherwise, and always free for a shared image's recipient (R32).</param>
    /// <param name="advisories"><see cref="Advisories.UntrustedSource"/> for shared images (R26, R34).</param>
    internal LaunchPermit(Image image, ImageKind kind, LaunchReason reason, ShareGrant? grant, Money licenceFeePerHour, Advisories advisories)
    {
        Image = image;
        Kind = kind;
        Reason = reason;
        Grant = grant;
        LicenceFeePerHour = licenceFeePerHour;
        Advisories = advisories;
    }

    /// <summary>The image.</summary>
    public Image Image { get; }

    /// <summary>The image's kind for the caller.</summary>
    public ImageKind Kind { get; }

    /// <summary>Why the launch is allowed.</summary>
    public LaunchReason Reason { get; }

    /// <summary>The grant that allows it, for <see cref="LaunchReason.ShareGrant"/>; otherwise null.</summary>
    public ShareGrant? Grant { get; }

    /// <summary>The hourly licence fee: charged only for public Windows images outside the Chinese mainland where the region charges it (R31); free otherwise, and always free for a shared image's recipient (R32).</summary>
    public Money LicenceFeePerHour { get; }

    /// <summary><see cref="Advisories.UntrustedSource"/> for shared images (R26, R34).</summary>
    public Advisories Advisories { get; }

    /// <summary>Who supports the image's operating system (R33).</summary>
    public SupportChannel Support => Image.Support;
}
