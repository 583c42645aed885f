using ImageRules.Application;
using ImageRules.Domain.Events;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Relational;
using ImageRules.Storage;
using ImageRules.Storage.Tests.Support;

namespace ImageRules.Tests.Support;

/// <summary>
/// A <see cref="RelationalImageStore"/> with the members the service tests use on the in-memory store, so they compile
/// unchanged over a database (see <see cref="TestStores"/>).
/// </summary>
public sealed class TestImageStore(RelationalImageStore inner, TestDatabase database) : IImageStore
{
    /// <summary>How many images are stored, counted on the rows; read synchronously because the in-memory store's is a property.</summary>
    public int ImageCount => checked((int)database.ScalarAsync("SELECT COUNT(*) FROM images").AsTask().GetAwaiter().GetResult());

    public ValueTask<ImageFacts> LoadFactsAsync(FactsQuery query, CancellationToken cancellationToken = default) => inner.LoadFactsAsync(query, cancellationToken);

    public ValueTask<bool> TryCommitAsync(CatalogueChange change, CancellationToken cancellationToken = default) => inner.TryCommitAsync(change, cancellationToken);

    public ValueTask<bool> DecideAsync(FactsQuery query, Func<ImageFacts, CatalogueChange?> decide, CancellationToken cancellationToken = default) =>
        inner.DecideAsync(query, decide, cancellationToken);

    public ValueTask<ImagePage> QueryVisibleAsync(AccountId viewer, RegionId region, ImageFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        inner.QueryVisibleAsync(viewer, region, filter, page, cancellationToken);

    public ValueTask<Image?> FindImageAsync(ImageId id, CancellationToken cancellationToken = default) => inner.FindImageAsync(id, cancellationToken);

    public ValueTask SaveAccountAsync(Account account, CancellationToken cancellationToken = default) => inner.SaveAccountAsync(account, cancellationToken);

    public ValueTask SaveRegionAsync(Region region, CancellationToken cancellationToken = default) => inner.SaveRegionAsync(region, cancellationToken);

    public ValueTask<IReadOnlyList<SavedImageEvent>> ReadPendingEventsAsync(DateTimeOffset occurredBy, int limit, CancellationToken cancellationToken = default) =>
        inner.ReadPendingEventsAsync(occurredBy, limit, cancellationToken);

    public ValueTask MarkEventDeliveredAsync(string id, CancellationToken cancellationToken = default) => inner.MarkEventDeliveredAsync(id, cancellationToken);
}
