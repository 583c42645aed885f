using System.Collections.Immutable;
using ImageRules.Domain;
using ImageRules.Persistence;
using ImageRules.Policy;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Application;

/// <summary>
/// An image store over the world's store (see <see cref="TestStores"/>) in which another writer can get in first: it refuses a
/// given number of commits as if their catalogue had moved on, or lets an interfering write land just before the
/// next commit, or holds commits back until several have arrived, so that racers are sure to decide on the same
/// version and all but one lose. The service's retry is thus exercised deterministically.
/// </summary>
public sealed class ContendedImageStore(TestImageStore inner) : IImageRepository, IShareGrantRepository
{
    private readonly Lock gate = new();
    private int refusalsLeft;
    private Func<TestImageStore, ValueTask>? otherWriter;
    private int commitAttempts;
    private int commitsToGather;
    private TaskCompletionSource? gathered;

    /// <summary>When true, every commit first yields its thread, as a database call would, so other writers get in between a decision and its commit.</summary>
    public bool YieldsBeforeCommit { get; init; }

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

    /// <summary>Holds each of the next <paramref name="count"/> commits until all of them have arrived, then lets them go together.</summary>
    public void GatherNextCommits(int count)
    {
        lock (gate)
        {
            commitsToGather = count;
            gathered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public async ValueTask<bool> TryCommitAsync(CatalogueChange change, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref commitAttempts);
        Func<TestImageStore, ValueTask>? interference;
        Task? together = null;
        lock (gate)
        {
            if (refusalsLeft > 0)
            {
                refusalsLeft--;
                return false;
            }

            (interference, otherWriter) = (otherWriter, null);
            if (gathered is { } all)
            {
                together = all.Task;
                if (--commitsToGather == 0)
                {
                    all.SetResult();
                    gathered = null;
                }
            }
        }

        if (YieldsBeforeCommit)
        {
            await Task.Yield();
        }

        if (together is not null)
        {
            // A racer that never commits would hold the others forever: fail the test instead.
            await together.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
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
