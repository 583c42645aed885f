using System.Collections.Concurrent;
using ImageRules.Application;
using ImageRules.Domain.Events;

namespace ImageRules.Storage.Tests.Support;

/// <summary>
/// An observer that keeps every event it hears, in the order heard, and, when made flaky, throws on about one call in
/// <c>1 / failureRate</c> (before keeping the event), as an audit trail that is sometimes down. Thread-safe.
/// </summary>
public sealed class RecordingObserver(double failureRate = 0) : IImageEventObserver
{
    private readonly ConcurrentQueue<SavedImageEvent> heard = new();
    private int failures;

    /// <summary>Every event heard so far.</summary>
    public IReadOnlyCollection<IImageEvent> Heard => [.. heard.Select(s => s.Event)];

    /// <summary>Every event heard so far, with its id (an event delivered again appears again).</summary>
    public IReadOnlyCollection<SavedImageEvent> HeardSaved => heard;

    /// <summary>How many calls threw.</summary>
    public int Failures => failures;

    public ValueTask OnSavedAsync(SavedImageEvent saved, CancellationToken cancellationToken)
    {
        if (failureRate > 0 && Random.Shared.NextDouble() < failureRate)
        {
            Interlocked.Increment(ref failures);
            throw new InvalidOperationException("the audit trail is down for a moment");
        }

        heard.Enqueue(saved);
        return ValueTask.CompletedTask;
    }
}
