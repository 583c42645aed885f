using ImageRules.Storage;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Application;

/// <summary>
/// An image store over the world's store (see <see cref="TestStores"/>) in which another writer can get in first: it refuses a
/// given number of commits as if their catalogue had moved on, or lets an interfering write land just before the
/// next commit, or holds commits back until several have arrived, so that racers are sure to decide on the same
/// version and all but one lose. The service's retry is thus exercised deterministically.
/// </summary>
public sealed class ContendedImageStore(IImageStore inner) : DelegatingImageStore(inner)
{
    private readonly Lock gate = new();
    private int refusalsLeft;
    private Func<IImageStore, ValueTask>? otherWriter;
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
    public void InterfereBeforeNextCommit(Func<IImageStore, ValueTask> write)
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

    public override async ValueTask<bool> TryCommitAsync(CatalogueChange change, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref commitAttempts);
        Func<IImageStore, ValueTask>? interference;
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
            await interference(Inner);
        }

        return await Inner.TryCommitAsync(change, cancellationToken);
    }
}
