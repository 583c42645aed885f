using System.Collections.Concurrent;
using System.Diagnostics;
using ImageRules.Domain.Events;
using ImageRules.Policy;

namespace ImageRules.Storage.Tests.Support;

/// <summary>
/// Every call a random history made, as Jepsen records one: which instance served it, when it was invoked and when
/// it was answered (monotonic timestamps), and the answer: the saved change's event or the domain failure. A call
/// that threw is kept apart: no fault is injected, so any is a defect. Thread-safe.
/// </summary>
public sealed class History
{
    private readonly ConcurrentQueue<Entry> calls = new();
    private readonly ConcurrentQueue<string> thrown = new();

    /// <summary>One answered call: an entry of the history.</summary>
    /// <param name="Operation">What was asked, e.g. <c>share</c>.</param>
    /// <param name="Instance">The service instance that answered.</param>
    /// <param name="Invoked">When it was invoked (<see cref="Stopwatch.GetTimestamp"/>).</param>
    /// <param name="Answered">When it was answered.</param>
    /// <param name="Saved">The change's event when it was acknowledged as saved; null when refused.</param>
    /// <param name="Refused">The domain failure when refused.</param>
    public sealed record Entry(string Operation, int Instance, long Invoked, long Answered, IImageEvent? Saved, Failure? Refused)
    {
        /// <summary>True when this call was answered before <paramref name="other"/> was invoked: it comes first in every order.</summary>
        public bool Precedes(Entry other) => Answered < other.Invoked;
    }

    public IReadOnlyCollection<Entry> Calls => calls;

    /// <summary>The calls that threw, as <c>operation: exception</c>.</summary>
    public IReadOnlyCollection<string> Thrown => thrown;

    /// <summary>The acknowledged changes, each with its call.</summary>
    public IEnumerable<(Entry Entry, IImageEvent Saved)> Saved => calls.Where(c => c.Saved is not null).Select(c => (c, c.Saved!));

    /// <summary>Makes the call through <paramref name="call"/> and records its answer; the result, or null when it threw.</summary>
    public async Task<Result<T>?> RecordAsync<T>(string operation, int instance, Func<ValueTask<Result<T>>> call)
        where T : IImageEvent
    {
        var invoked = Stopwatch.GetTimestamp();
        try
        {
            var result = await call();
            calls.Enqueue(new Entry(operation, instance, invoked, Stopwatch.GetTimestamp(), result.IsSuccess ? result.Value : null, result.Failure));
            return result;
        }
        catch (Exception exception)
        {
            thrown.Enqueue($"{operation}: {exception}");
            return null;
        }
    }

    /// <summary>How many calls were answered with each outcome, per operation: <c>share OverQuota 123</c>, one per line.</summary>
    public string Summary() => string.Join(
        Environment.NewLine,
        calls.GroupBy(c => (c.Operation, Outcome: c.Refused?.Code ?? "saved"))
            .OrderBy(g => g.Key.Operation, StringComparer.Ordinal).ThenBy(g => g.Key.Outcome, StringComparer.Ordinal)
            .Select(g => $"{g.Key.Operation} {g.Key.Outcome} {g.Count()}"));
}
