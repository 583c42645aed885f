using ImageRules.Application;
using ImageRules.Diagnostics;
using ImageRules.Policy;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ImageRules.Hosting;

/// <summary>
/// The host's relay of saved events: every <see cref="ImageRulesOptions.EventRedeliveryInterval"/> it delivers again
/// the events observers have not all taken (<see cref="ImageService.DeliverPendingEventsAsync"/>), so an event whose
/// process stopped between the commit and the delivery, or that an observer threw on, still reaches every observer.
/// </summary>
/// <remarks>
/// While the store fails, the pause doubles up to <see cref="ImageRulesOptions.EventRedeliveryMaxBackoff"/> (each
/// failure logged, event 7), and is back to the interval after the first pass that works. With no observer each pass
/// returns at once, never touching the store. Stopping the host cancels the pass under way; what it had not delivered stays pending.
/// </remarks>
internal sealed class ImageEventRelay(ImageService service, IOptions<ImageRulesOptions> options, TimeProvider time, ILogger<ImageEventRelay>? logger = null)
    : BackgroundService
{
    private readonly ILogger log = logger ?? (ILogger)NullLogger.Instance;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.EventRedeliveryInterval;
        var pause = interval;
        try
        {
            while (true)
            {
                await Task.Delay(pause, time, stoppingToken).ConfigureAwait(false);
                pause = await PassAsync(interval, stoppingToken).ConfigureAwait(false) ? interval : Longer(pause);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <summary>One delivery pass; false when the store failed (logged).</summary>
    private async ValueTask<bool> PassAsync(TimeSpan minimumAge, CancellationToken stoppingToken)
    {
        try
        {
            await service.DeliverPendingEventsAsync(minimumAge, stoppingToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            ImageRulesLog.EventDeliveryFailed(log, exception);
            return false;
        }
    }

    private TimeSpan Longer(TimeSpan pause)
    {
        var ceiling = options.Value.EventRedeliveryMaxBackoff;
        return pause >= ceiling / 2 ? ceiling : pause * 2;
    }
}
