using ImageRules.Domain;

namespace ImageRules.Policy;

/// <summary>An image as one viewer sees it: the image and its kind for that viewer (R1).</summary>
/// <param name="Image">The image.</param>
/// <param name="Kind">Public, custom (the viewer owns it) or shared (the viewer holds a grant).</param>
public sealed record VisibleImage(Image Image, ImageKind Kind)
{
    /// <summary>True for a shared image: launching it carries the untrusted-source advisory (R26).</summary>
    public bool IsUntrustedSource => Kind == ImageKind.Shared;
}
