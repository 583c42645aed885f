namespace ImageRules.Policy;

/// <summary>Why a launch was refused (R30), named without building the <see cref="Failure"/> it stands for.</summary>
public enum LaunchRefusal
{
    /// <summary>Not refused: the launch is allowed.</summary>
    None,

    /// <summary>The caller cannot see the image in the region asked (R3–R6); <see cref="Failures.ImageNotFound"/>.</summary>
    ImageNotFound,

    /// <summary>The image is visible but not in state <c>Normal</c> (R30); <see cref="Failures.ImageStateInvalid"/>.</summary>
    InvalidImageState,

    /// <summary>No account has the caller's id (R7); <see cref="Failures.AccountNotFound"/>.</summary>
    AccountNotFound,

    /// <summary>The region does not exist (R7); <see cref="Failures.RegionNotFound"/>.</summary>
    RegionNotFound,
}
