using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy;
using ImageRules.Storage;

namespace ImageRules.Tests.Storage;

/// <summary>
/// A host's own store at its smallest, against the store contract: every member the in-memory store's but
/// <see cref="IImageStore.DecideAsync"/>, which it leaves to the interface's default, so that the default itself is
/// what the contract's decisions test (R6 among them: a hidden image reaches a decision as a missing one).
/// </summary>
public sealed class HostImageStoreTests : ImageStoreContract
{
    protected override ValueTask<IImageStore> CreateStoreAsync() => ValueTask.FromResult<IImageStore>(new HostImageStore(new InMemoryImageStore()));

    /// <summary>The host's store: loads and commits as <paramref name="inner"/> does; deciding is the default's.</summary>
    private sealed class HostImageStore(InMemoryImageStore inner) : IImageStore
    {
        public ValueTask<ImageFacts> LoadFactsAsync(FactsQuery query, CancellationToken cancellationToken = default) => inner.LoadFactsAsync(query, cancellationToken);

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
}
