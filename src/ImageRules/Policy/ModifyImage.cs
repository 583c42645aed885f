using ImageRules.Domain;

namespace ImageRules.Policy;

/// <summary>Rename and/or re-describe a custom image (R12, R13, R25); a null value leaves that attribute as it is.</summary>
/// <remarks>Every request carries the caller, the region and (where there is one) the image id the same way; the service and the engine take it whole.</remarks>
/// <param name="Caller">The calling account.</param>
/// <param name="Region">The region the caller addresses, as the provider's regional API does.</param>
/// <param name="ImageId">The image.</param>
/// <param name="Name">The new name, or null.</param>
/// <param name="Description">The new description, or null.</param>
/// <param name="DryRun">When true the request is decided in full and nothing is changed: success is <see cref="Failures.DryRunPassed"/> (R38).</param>
public sealed record ModifyImage(
    AccountId Caller,
    RegionId Region,
    ImageId ImageId,
    string? Name = null,
    string? Description = null,
    bool DryRun = false);
