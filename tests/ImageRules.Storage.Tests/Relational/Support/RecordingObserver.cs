using System.Collections.Concurrent;
using ImageRules.Application;
using ImageRules.Domain.Events;

namespace ImageRules.Storage.Tests.Support;

/// <summary>An observer that keeps every event it hears, in the order heard; thread-safe.</summary>
public sealed class RecordingObserver : IImageEventObserver
{
    private readonly ConcurrentQueue<IImageEvent> heard = new();

    /// <summary>Every event heard so far.</summary>
    public IReadOnlyCollection<IImageEvent> Heard => heard;

    public ValueTask OnSavedAsync(IImageEvent imageEvent, CancellationToken cancellationToken)
    {
        heard.Enqueue(imageEvent);
        return ValueTask.CompletedTask;
    }
}
