using System.Collections.Concurrent;
using Ardalis.GuardClauses;
using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Domain.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ImageRules.AspNetCore.Lifecycle;

/// <summary>
/// Plays the platform: every image the API creates, copies or imports is completed after
/// <see cref="ImageApiOptions.ReadyAfter"/> on the host's <see cref="TimeProvider"/> (so tests control the clock),
/// as <c>NORMAL</c>, or failed when its name contains <see cref="ImageApiOptions.FailImagesNamedWith"/>.
/// </summary>
/// <remarks>The service is resolved when a timer fires, not when this observer is made: the service is made with its observers.</remarks>
internal sealed partial class ImageLifecycle(IServiceProvider services, TimeProvider time, IOptions<ImageApiOptions> options, ILogger<ImageLifecycle> logger)
    : IImageEventObserver, IDisposable
{
    private readonly ConcurrentDictionary<ImageId, ITimer> pending = new();

    /// <summary>When an image started its transition, to report a copy's progress.</summary>
    public ValueTask OnSavedAsync(SavedImageEvent saved, CancellationToken cancellationToken)
    {
        Guard.Against.Null(saved);
        var started = saved.Event switch
        {
            ImageCreated e => e.Image,
            ImageImported e => e.Image,
            ImageCopied e => e.Copy,
            _ => null,
        };
        if (started is not null)
        {
            Schedule(started);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>How far the platform is with <paramref name="image"/>, 0–100, from the time it started.</summary>
    public int Progress(Image image)
    {
        Guard.Against.Null(image);
        if (!image.State.IsInProgress())
        {
            return 100;
        }

        var total = options.Value.ReadyAfter;
        return total <= TimeSpan.Zero ? 99 : (int)Math.Clamp((time.GetUtcNow() - image.CreatedAt) / total * 100, 0, 99);
    }

    /// <summary>How many images wait for the platform: each holds a timer until it completes.</summary>
    internal int Pending => pending.Count;

    public void Dispose()
    {
        foreach (var timer in pending.Values)
        {
            timer.Dispose();
        }

        pending.Clear();
    }

    private void Schedule(Image image)
    {
        if (pending.ContainsKey(image.Id))
        {
            return; // an event delivered again (events come at least once): its timer is armed already
        }

        var succeeds = options.Value.FailImagesNamedWith is not { Length: > 0 } failing
            || !image.Name.Contains(failing, StringComparison.Ordinal);
        // Kept before it is armed: a timer due at once may fire, and complete, before CreateTimer returns.
        var timer = time.CreateTimer(_ => _ = CompleteAsync(image.Id, succeeds), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        pending[image.Id] = timer;
        timer.Change(options.Value.ReadyAfter, Timeout.InfiniteTimeSpan);
    }

    private async Task CompleteAsync(ImageId id, bool succeeds)
    {
        try
        {
            await services.GetRequiredService<ImageService>().CompleteImageAsync(id, succeeds).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // A timer callback has no caller to answer: the host sees the failure in its log.
            LogCompletionFailed(logger, id.Value, exception);
        }
        finally
        {
            if (pending.TryRemove(id, out var timer))
            {
                await timer.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "the platform could not complete image {ImageId}")]
    private static partial void LogCompletionFailed(ILogger logger, string imageId, Exception exception);
}
