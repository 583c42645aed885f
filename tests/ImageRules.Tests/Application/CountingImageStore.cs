using ImageRules.Application;
using System.Collections.Concurrent;
using ImageRules.Domain.Events;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Storage;

namespace ImageRules.Tests.Application;

/// <summary>
/// Records every call the service makes to the store, by kind and by the shape of what it asks (which facts a load
/// names, how many ids a listing names) but never by the ids themselves, so that two requests can be compared for the
/// work they cost the store (R6: a hidden image must cost what a missing one costs). Thread-safe.
/// </summary>
public sealed class CountingImageStore(IImageStore inner) : DelegatingImageStore(inner)
{
    public const string LoadFacts = nameof(IImageStore.LoadFactsAsync);
    public const string TryCommit = nameof(IImageStore.TryCommitAsync);
    public const string QueryVisible = nameof(IImageStore.QueryVisibleAsync);
    public const string FindImage = nameof(IImageStore.FindImageAsync);

    private readonly ConcurrentQueue<string> calls = new();

    /// <summary>Every call so far, in order, each as its kind and the shape of its arguments.</summary>
    public IReadOnlyList<string> Calls => [.. calls];

    /// <summary>How many calls of <paramref name="kind"/> (such as <see cref="LoadFacts"/>) were made.</summary>
    public int Count(string kind) => calls.Count(c => c.StartsWith(kind, StringComparison.Ordinal));

    /// <summary>Forgets the calls so far, so a test counts only what follows.</summary>
    public void Reset() => calls.Clear();

    /// <summary>The calls as one line, such as <c>LoadFactsAsync ×1, TryCommitAsync ×1</c>.</summary>
    public string Summary() =>
        string.Join(", ", Calls.Select(c => c.Split('(')[0]).GroupBy(k => k).Select(g => $"{g.Key} ×{g.Count()}"));

    public override ValueTask<IReadOnlyList<SavedImageEvent>> ReadPendingEventsAsync(DateTimeOffset occurredBy, int limit, CancellationToken cancellationToken = default)
    {
        calls.Enqueue($"{nameof(ReadPendingEventsAsync)}(limit: {limit})");
        return base.ReadPendingEventsAsync(occurredBy, limit, cancellationToken);
    }

    public override ValueTask<ImageFacts> LoadFactsAsync(FactsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        calls.Enqueue($"{LoadFacts}(image: {query.Image is not null}, catalogue: {query.Catalogue is not null}, all grants: {query.AllGrants}, " +
            $"target: {query.TargetRegion is not null}, accounts: {query.Accounts.Length})");
        return base.LoadFactsAsync(query, cancellationToken);
    }

    public override ValueTask<bool> TryCommitAsync(CatalogueChange change, CancellationToken cancellationToken = default)
    {
        calls.Enqueue(TryCommit);
        return base.TryCommitAsync(change, cancellationToken);
    }

    public override ValueTask<ImagePage> QueryVisibleAsync(AccountId viewer, RegionId region, ImageFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        calls.Enqueue($"{QueryVisible}(ids: {filter.ImageIds?.Length})");
        return base.QueryVisibleAsync(viewer, region, filter, page, cancellationToken);
    }

    public override ValueTask<Image?> FindImageAsync(ImageId id, CancellationToken cancellationToken = default)
    {
        calls.Enqueue(FindImage);
        return base.FindImageAsync(id, cancellationToken);
    }

    public override ValueTask SaveAccountAsync(Account account, CancellationToken cancellationToken = default)
    {
        calls.Enqueue(nameof(SaveAccountAsync));
        return base.SaveAccountAsync(account, cancellationToken);
    }

    public override ValueTask SaveRegionAsync(Region region, CancellationToken cancellationToken = default)
    {
        calls.Enqueue(nameof(SaveRegionAsync));
        return base.SaveRegionAsync(region, cancellationToken);
    }
}
