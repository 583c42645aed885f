namespace ImageRules.Domain;

/// <summary>
/// Permission to launch an instance from an image (R30), with why it is allowed, what it costs and what to warn about.
/// </summary>
/// <remarks>A struct, so an allowed launch decision allocates nothing.</remarks>
/// <param name="Image">The image.</param>
/// <param name="Kind">The image's kind for the caller.</param>
/// <param name="Reason">Why the launch is allowed.</param>
/// <param name="Grant">The grant that allows it, for <see cref="LaunchReason.ShareGrant"/>; otherwise null.</param>
/// <param name="LicenceFeePerHour">The hourly licence fee: charged only for public Windows images outside the Chinese mainland where the region charges it (R31); free otherwise, and always free for a shared image's recipient (R32).</param>
/// <param name="Advisories"><see cref="Advisories.UntrustedSource"/> for shared images (R26, R34).</param>
public readonly record struct LaunchPermit(
    Image Image,
    ImageKind Kind,
    LaunchReason Reason,
    ShareGrant? Grant,
    Money LicenceFeePerHour,
    Advisories Advisories)
{
    /// <summary>Who supports the image's operating system (R33).</summary>
    public SupportChannel Support => Image.Support;
}
