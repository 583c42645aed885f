namespace ImageRules.Samples.ImageApi.Wire;

/// <summary>The input of <c>ModifyImageSharePermission</c> (R20–R25): share an image with accounts, or cancel sharing.</summary>
/// <param name="ImageId">The caller's custom image.</param>
/// <param name="AccountIds">The recipients, all or nothing.</param>
/// <param name="Permission"><c>SHARE</c> or <c>CANCEL</c>.</param>
public sealed record ModifyImageSharePermissionRequest(string? ImageId, IReadOnlyList<string>? AccountIds, string? Permission);
