using Ardalis.GuardClauses;
using ImageRules.Domain;

namespace ImageRules.Storage;

/// <summary>
/// Names an image catalogue: one owner's custom images in one region (the scope of the quota, R11, and of name
/// uniqueness, R12), or the platform's public images in a region when <see cref="Owner"/> is null.
/// </summary>
/// <param name="Owner">The owning account, or null for the platform's public images.</param>
/// <param name="Region">The region.</param>
public readonly record struct CatalogueKey(AccountId? Owner, RegionId Region)
{
    /// <summary>The catalogue <paramref name="image"/> belongs to.</summary>
    public static CatalogueKey Of(Image image)
    {
        Guard.Against.Null(image);
        return new(image.Owner, image.Region);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{(Owner is { } owner ? "account " + owner : "public images")} in region {Region}";
}
