using System.Collections.Concurrent;
using ImageRules.Application;
using ImageRules.Domain.Events;

namespace ImageRules.Tests.Application;

/// <summary>Keeps every event it hears, in arrival order. Thread-safe.</summary>
public sealed class RecordingObserver : IImageEventObserver
{
    private readonly ConcurrentQueue<IImageEvent> events = new();

    /// <summary>Every event heard so far.</summary>
    public IReadOnlyList<IImageEvent> Events => [.. events];

    public ValueTask OnSavedAsync(IImageEvent imageEvent, CancellationToken cancellationToken)
    {
        events.Enqueue(imageEvent);
        return ValueTask.CompletedTask;
    }
}
