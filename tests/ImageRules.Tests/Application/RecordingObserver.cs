using System.Collections.Concurrent;
using ImageRules.Application;
using ImageRules.Domain.Events;

namespace ImageRules.Tests.Application;

/// <summary>Keeps every event it hears, in arrival order. Thread-safe.</summary>
public sealed class RecordingObserver : IImageEventObserver
{
    private readonly ConcurrentQueue<SavedImageEvent> heard = new();

    /// <summary>Every event heard so far, with its id.</summary>
    public IReadOnlyList<SavedImageEvent> Heard => [.. heard];

    /// <summary>Every event heard so far.</summary>
    public IReadOnlyList<IImageEvent> Events => [.. heard.Select(s => s.Event)];

    public ValueTask OnSavedAsync(SavedImageEvent saved, CancellationToken cancellationToken)
    {
        heard.Enqueue(saved);
        return ValueTask.CompletedTask;
    }
}
