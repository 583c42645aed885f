using ImageRules.Application;
using ImageRules.Domain.Events;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Storage;

namespace ImageRules.Tests.Application;

/// <summary>An image store that passes every call to <paramref name="inner"/>: the base of the test decorators, which override what they watch or disturb.</summary>
public abstract class DelegatingImageStore(IImageStore inner) : IImageStore
{
    /// <summary>The store every call reaches in the end.</summary>
    protected IImageStore Inner { get; } = inner;

    public virtual ValueTask<ImageFacts> LoadFactsAsync(FactsQuery query, CancellationToken cancellationToken = default) => Inner.LoadFactsAsync(query, cancellationToken);

    public virtual ValueTask<bool> TryCommitAsync(CatalogueChange change, CancellationToken cancellationToken = default) => Inner.TryCommitAsync(change, cancellationToken);

    public virtual ValueTask<ImagePage> QueryVisibleAsync(AccountId viewer, RegionId region, ImageFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        Inner.QueryVisibleAsync(viewer, region, filter, page, cancellationToken);

    public virtual ValueTask<Image?> FindImageAsync(ImageId id, CancellationToken cancellationToken = default) => Inner.FindImageAsync(id, cancellationToken);

    public virtual ValueTask SaveAccountAsync(Account account, CancellationToken cancellationToken = default) => Inner.SaveAccountAsync(account, cancellationToken);

    public virtual ValueTask SaveRegionAsync(Region region, CancellationToken cancellationToken = default) => Inner.SaveRegionAsync(region, cancellationToken);

    public virtual ValueTask<IReadOnlyList<SavedImageEvent>> ReadPendingEventsAsync(DateTimeOffset occurredBy, int limit, CancellationToken cancellationToken = default) =>
        Inner.ReadPendingEventsAsync(occurredBy, limit, cancellationToken);

    public virtual ValueTask MarkEventDeliveredAsync(string id, CancellationToken cancellationToken = default) => Inner.MarkEventDeliveredAsync(id, cancellationToken);
}
