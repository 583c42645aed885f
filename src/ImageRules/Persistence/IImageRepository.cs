using ImageRules.Domain;
using ImageRules.Policy;

namespace ImageRules.Persistence;

/// <summary>
/// Stores images, grouped in catalogues (one owner's images in one region, see <see cref="CatalogueKey"/>).
/// </summary>
/// <remarks>
/// <para><b>Concurrency.</b> Optimistic, per catalogue. A writer reads an <see cref="ImageCatalogue"/> (with its
/// version), lets the policy decide, and commits a <see cref="CatalogueChange"/> with
/// <see cref="TryCommitAsync"/>, which applies the whole change only if the catalogue is still at the version read
/// and then advances it. On <see langword="false"/> nothing was written; the caller reloads, decides again and
/// retries a bounded number of times. Because the quota (R11) and name uniqueness (R12) are per catalogue, and
/// every grant change (R21, R24) and deletion (R16) of an image goes through its catalogue, two racing writers can
/// never both take the last slot, nor leave a grant on a deleted image.</para>
/// <para><b>Grants.</b> Grants change only in the same atomic step as their image's catalogue, so they are written
/// here and read through <see cref="IShareGrantRepository"/>: a store implements both interfaces over the same data
/// (for a database: one transaction that updates the catalogue's version row with
/// <c>WHERE version = @expected</c> and writes the images and grants).</para>
/// <para><b>Cost.</b> Every query must cost in proportion to its answer, not to the number of images stored.</para>
/// <para>Implementations must be thread-safe.</para>
/// </remarks>
public interface IImageRepository
{
    /// <summary>The image with this id, or null.</summary>
    ValueTask<Image?> FindAsync(ImageId id, CancellationToken cancellationToken = default);

    /// <summary>A consistent snapshot of the catalogue; an empty one at version 0 when it was never written.</summary>
    ValueTask<ImageCatalogue> GetCatalogueAsync(CatalogueKey key, CancellationToken cancellationToken = default);

    /// <summary>
    /// The images <paramref name="viewer"/> can see in <paramref name="region"/> (R3–R5: public images, its own, and
    /// those granted to it there) that pass <paramref name="filter"/>, newest first, one page of them (R2).
    /// </summary>
    ValueTask<ImagePage> QueryVisibleAsync(AccountId viewer, RegionId region, ImageFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies <paramref name="change"/> atomically if its catalogue is still at <see cref="CatalogueChange.ExpectedVersion"/>
    /// and no added image id is in use; returns false, writing nothing, otherwise (a race: decide again and retry).
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The change contradicts the catalogue at the very version it expects (an image or grant outside the catalogue,
    /// a missing image or grant, a duplicate, a deleted image left with grants): a caller's bug, not a race. Nothing is
    /// written.
    /// </exception>
    ValueTask<bool> TryCommitAsync(CatalogueChange change, CancellationToken cancellationToken = default);
}
