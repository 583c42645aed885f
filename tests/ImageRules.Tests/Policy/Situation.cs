using ImageRules.Domain;

namespace ImageRules.Tests.Policy;

/// <summary>A generated situation for the policy properties: an account looking at an image from a region, holding a grant or not.</summary>
/// <param name="Image">A public or custom image, in any state.</param>
/// <param name="Caller">The account asking.</param>
/// <param name="Region">The region it addresses, most often the image's own.</param>
/// <param name="Grant">A grant the caller presents: none, the proper one, or one for another image, account or region.</param>
public sealed record Situation(Image Image, Account Caller, Region Region, ShareGrant? Grant)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{Caller.Id} in {Region.Id} looks at {Image.Id} (owner {Image.Owner?.ToString() ?? "none"}, {Image.Region}, {Image.State}, {Image.OperatingSystem.Platform}) with grant {Grant?.ToString() ?? "none"}";
}
