using ImageRules.Domain;

namespace ImageRules.Policy.Requests;

/// <summary>A request to rename and/or re-describe a custom image (R12, R13); a null value leaves that attribute as it is.</summary>
/// <param name="ImageId">The image.</param>
/// <param name="Name">The new name, or null.</param>
/// <param name="Description">The new description, or null.</param>
public sealed record ModifyImageRequest(ImageId ImageId, string? Name = null, string? Description = null);
