using System.Collections.Immutable;
using ImageRules.Domain;
using ImageRules.Persistence;
using ImageRules.Policy;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Application;

/// <summary>
/// An image store over the world's store (see <see cref="TestStores"/>) in which another writer can get in first: it refuses a
/// given number of commits as if their catalogue had moved on, or lets an interfering write land just before the
/// next commit, so the service's retry is exercised deterministically.
/// </summary>
public sealed class ContendedImageStore(TestImageStore inner) : IImageRepository, IShareGrantRepository
{
    private readonly Lock gate = new();
    private int refusalsLeft;
    private Func<TestImageStore, ValueTask>? otherWriter;
    private int commitAttempts;

    /// <summary>How many commits were attempted, refused ones included.</summary>
    public int CommitAttempts => Volatile.Read(ref commitAttempts);

    /// <summary>Refuses the next <paramref name="count"/> commits without writing anything.</summary>
    public void RefuseNextCommits(int count)
    {
        lock (gate)
        {
            refusalsLeft = count;
        }
    }

    /// <summary>Runs <paramref name="write"/> against the inner store just before the next commit, once.</summary>
    public void InterfereBeforeNextCommit(Func<TestImageStore, ValueTask> write)
    {
        lock (gate)
        {
            otherWriter = write;
        }
    }

    public async ValueTask<bool> TryCommitAsync(CatalogueChange change, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref commitAttempts);
        Func<TestImageStore, ValueTask>? interference;
        lock (gate)
        {
            if (refusalsLeft > 0)
            {
                refusalsLeft--;
                return false;
            }

            (interference, otherWriter) = (otherWriter, null);
        }

        if (interference is not null)
        {
            await interference(inner);
        }

        return await inner.TryCommitAsync(change, cancellationToken);
    }

    public ValueTask<Image?> FindAsync(ImageId id, CancellationToken cancellationToken = default) => inner.FindAsync(id, cancellationToken);

    public ValueTask<ImageCatalogue> GetCatalogueAsync(CatalogueKey key, CancellationToken cancellationToken = default) => inner.GetCatalogueAsync(key, cancellationToken);

    public ValueTask<ImagePage> QueryVisibleAsync(AccountId viewer, RegionId region, ImageFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        inner.QueryVisibleAsync(viewer, region, filter, page, cancellationToken);

    public ValueTask<ShareGrant?> FindAsync(ImageId imageId, AccountId recipient, CancellationToken cancellationToken = default) =>
        ((IShareGrantRepository)inner).FindAsync(imageId, recipient, cancellationToken);

    public ValueTask<ImmutableArray<ShareGrant>> ListForImageAsync(ImageId imageId, CancellationToken cancellationToken = default) => inner.ListForImageAsync(imageId, cancellationToken);

    public ValueTask<ImmutableArray<ShareGrant>> ListHeldAsync(AccountId recipient, RegionId region, CancellationToken cancellationToken = default) =>
        inner.ListHeldAsync(recipient, region, cancellationToken);
}
