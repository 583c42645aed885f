using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Storage;

namespace ImageRules.Tests.Application;

/// <summary>
/// An image store over the world's store whose next calls of one kind fail as a database that went away would: with
/// <see cref="ImageStoreUnavailableException"/> (its outcome known or not) or any other exception, before reaching
/// the inner store. Counts every call of each kind. Thread-safe.
/// </summary>
public sealed class UnavailableImageStore(IImageStore inner) : DelegatingImageStore(inner)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, int> calls = [];
    private string? failing;
    private int failuresLeft;
    private Func<Exception> failure = () => new ImageStoreUnavailableException("the database is restarting", new TimeoutException());

    /// <summary>How many calls of <paramref name="kind"/> (a member name of <see cref="IImageStore"/>) were made, failed ones included.</summary>
    public int Calls(string kind)
    {
        lock (gate)
        {
            return calls.GetValueOrDefault(kind);
        }
    }

    /// <summary>Fails the next <paramref name="count"/> calls of <paramref name="kind"/> with what <paramref name="exception"/> makes (a transient failure that wrote nothing when null).</summary>
    public void FailNext(string kind, int count, Func<Exception>? exception = null)
    {
        lock (gate)
        {
            (failing, failuresLeft) = (kind, count);
            failure = exception ?? failure;
        }
    }

    public override ValueTask<ImageFacts> LoadFactsAsync(FactsQuery query, CancellationToken cancellationToken = default)
    {
        Call(nameof(LoadFactsAsync));
        return base.LoadFactsAsync(query, cancellationToken);
    }

    public override ValueTask<bool> TryCommitAsync(CatalogueChange change, CancellationToken cancellationToken = default)
    {
        Call(nameof(TryCommitAsync));
        return base.TryCommitAsync(change, cancellationToken);
    }

    public override ValueTask<ImagePage> QueryVisibleAsync(AccountId viewer, RegionId region, ImageFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        Call(nameof(QueryVisibleAsync));
        return base.QueryVisibleAsync(viewer, region, filter, page, cancellationToken);
    }

    public override ValueTask<Image?> FindImageAsync(ImageId id, CancellationToken cancellationToken = default)
    {
        Call(nameof(FindImageAsync));
        return base.FindImageAsync(id, cancellationToken);
    }

    public override ValueTask SaveAccountAsync(Account account, CancellationToken cancellationToken = default)
    {
        Call(nameof(SaveAccountAsync));
        return base.SaveAccountAsync(account, cancellationToken);
    }

    public override ValueTask SaveRegionAsync(Region region, CancellationToken cancellationToken = default)
    {
        Call(nameof(SaveRegionAsync));
        return base.SaveRegionAsync(region, cancellationToken);
    }

    private void Call(string kind)
    {
        lock (gate)
        {
            calls[kind] = calls.GetValueOrDefault(kind) + 1;
            if (kind != failing || failuresLeft == 0)
            {
                return;
            }

            failuresLeft--;
        }

        throw failure();
    }
}
