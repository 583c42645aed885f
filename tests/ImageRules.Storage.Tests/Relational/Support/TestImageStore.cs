using System.Collections.Immutable;
using ImageRules.Domain;
using ImageRules.Persistence;
using ImageRules.Policy;
using ImageRules.Relational;

namespace ImageRules.Tests.Support;

/// <summary>
/// A <see cref="RelationalImageStore"/> with the members the service tests use on the in-memory store, so they compile
/// unchanged over a database (see <see cref="TestStores"/>).
/// </summary>
public sealed class TestImageStore(RelationalImageStore inner) : IImageRepository, IShareGrantRepository
{
    /// <summary>How many images are stored; read synchronously because the in-memory store's is a property.</summary>
    public int ImageCount => inner.CountImagesAsync().AsTask().GetAwaiter().GetResult();

    public ValueTask<Image?> FindAsync(ImageId id, CancellationToken cancellationToken = default) => inner.FindAsync(id, cancellationToken);

    public ValueTask<ImageCatalogue> GetCatalogueAsync(CatalogueKey key, CancellationToken cancellationToken = default) => inner.GetCatalogueAsync(key, cancellationToken);

    public ValueTask<ImagePage> QueryVisibleAsync(AccountId viewer, RegionId region, ImageFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        inner.QueryVisibleAsync(viewer, region, filter, page, cancellationToken);

    public ValueTask<bool> TryCommitAsync(CatalogueChange change, CancellationToken cancellationToken = default) => inner.TryCommitAsync(change, cancellationToken);

    public ValueTask<ShareGrant?> FindAsync(ImageId imageId, AccountId recipient, CancellationToken cancellationToken = default) =>
        ((IShareGrantRepository)inner).FindAsync(imageId, recipient, cancellationToken);

    public ValueTask<ImmutableArray<ShareGrant>> ListForImageAsync(ImageId imageId, CancellationToken cancellationToken = default) => inner.ListForImageAsync(imageId, cancellationToken);

    public ValueTask<ImmutableArray<ShareGrant>> ListHeldAsync(AccountId recipient, RegionId region, CancellationToken cancellationToken = default) =>
        inner.ListHeldAsync(recipient, region, cancellationToken);
}
