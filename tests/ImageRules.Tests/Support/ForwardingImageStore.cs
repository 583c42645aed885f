using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy;
using ImageRules.Storage;

namespace ImageRules.Tests.Support;

/// <summary>
/// A store that hands every call to <paramref name="inner"/> but <see cref="IImageStore.DecideAsync"/>, which it leaves
/// to the interface's default (load, then commit): a host's own store at its smallest, and the base of test stores
/// that watch one member (a subclass that must forward <c>DecideAsync</c> too re-implements it).
/// </summary>
public class ForwardingImageStore(IImageStore inner) : IImageStore
{
    /// <summary>The store called.</summary>
    protected IImageStore Inner => inner;

    public virtual ValueTask<ImageFacts> LoadFactsAsync(FactsQuery query, CancellationToken cancellationToken = default) => inner.LoadFactsAsync(query, cancellationToken);

    public ValueTask<bool> TryCommitAsync(CatalogueChange change, CancellationToken cancellationToken = default) => inner.TryCommitAsync(change, cancellationToken);

    public ValueTask<ImagePage> QueryVisibleAsync(AccountId viewer, RegionId region, ImageFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        inner.QueryVisibleAsync(viewer, region, filter, page, cancellationToken);

    public ValueTask<Image?> FindImageAsync(ImageId id, CancellationToken cancellationToken = default) => inner.FindImageAsync(id, cancellationToken);

    public ValueTask SaveAccountAsync(Account account, CancellationToken cancellationToken = default) => inner.SaveAccountAsync(account, cancellationToken);

    public ValueTask SaveRegionAsync(Region region, CancellationToken cancellationToken = default) => inner.SaveRegionAsync(region, cancellationToken);

    public ValueTask<IReadOnlyList<SavedImageEvent>> ReadPendingEventsAsync(DateTimeOffset occurredBy, int limit, CancellationToken cancellationToken = default) =>
        inner.ReadPendingEventsAsync(occurredBy, limit, cancellationToken);

    public ValueTask MarkEventDeliveredAsync(string id, CancellationToken cancellationToken = default) => inner.MarkEventDeliveredAsync(id, cancellationToken);
}
