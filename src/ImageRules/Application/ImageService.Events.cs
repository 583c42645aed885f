using ImageRules.Diagnostics;
using ImageRules.Domain.Events;
using ImageRules.Storage;
using Microsoft.Extensions.Logging;

namespace ImageRules.Application;

public sealed partial class ImageService
{
    /// <summary>How many pending events one read of the store takes.</summary>
    private const int PendingEventsPerRead = 100;

    /// <summary>
    /// Delivers again every event the store still holds as pending (<see cref="IImageStore.ReadPendingEventsAsync"/>)
    /// that occurred at least <paramref name="minimumAge"/> ago: one an observer threw on, or one whose process stopped
    /// between the commit and the delivery. Each goes to every observer, with the id it was saved with, and is marked
    /// delivered when every observer took it; an observer's exception is logged (event 5) and leaves the event pending.
    /// </summary>
    /// <remarks>
    /// The relay that <c>AddImageRules</c> registers calls it every <see cref="Policy.ImageRulesOptions.EventRedeliveryInterval"/>,
    /// with that interval as the minimum age, so an event still being delivered by its own request is left to it.
    /// Several instances over one database may deliver the same event: observers de-duplicate by
    /// <see cref="SavedImageEvent.Id"/>. With no observer it does nothing (nothing is pending for it to deliver).
    /// </remarks>
    /// <param name="minimumAge">How old an event must be; <see cref="TimeSpan.Zero"/> for every pending event.</param>
    /// <param name="cancellationToken">Stops the delivery; undelivered events stay pending.</param>
    /// <returns>How many events were delivered to every observer and marked delivered.</returns>
    /// <exception cref="ImageStoreUnavailableException">The store stayed unavailable; what was not delivered stays pending.</exception>
    public async ValueTask<int> DeliverPendingEventsAsync(TimeSpan minimumAge, CancellationToken cancellationToken = default)
    {
        if (observers.Length == 0)
        {
            return 0;
        }

        var occurredBy = Now - minimumAge;
        var delivered = 0;
        while (true)
        {
            var pending = await InStoreAsync(occurredBy, static (s, by, ct) => s.ReadPendingEventsAsync(by, PendingEventsPerRead, ct), cancellationToken).ConfigureAwait(false);
            var deliveredNow = 0;
            foreach (var saved in pending)
            {
                if (logger.IsEnabled(LogLevel.Debug))
                {
                    ImageRulesLog.EventRedelivered(logger, saved.Id, saved.Event.GetType().Name);
                }

                deliveredNow += await DeliverAsync(saved, cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }

            delivered += deliveredNow;

            // A full read with progress may hide more behind it; one where every event failed again would repeat itself.
            if (pending.Count < PendingEventsPerRead || deliveredNow == 0)
            {
                return delivered;
            }
        }
    }

    /// <summary>
    /// Tells every observer of <paramref name="saved"/> and, when each took it, marks it delivered; true then. An
    /// observer's exception is logged (event 5) and so is a failure to mark it (event 7): the event stays pending for
    /// <see cref="DeliverPendingEventsAsync"/>, and the caller, whose change is saved, never sees either.
    /// </summary>
    private async ValueTask<bool> DeliverAsync(SavedImageEvent saved, CancellationToken cancellationToken)
    {
        var everyObserver = true;
        foreach (var observer in observers)
        {
            try
            {
                await observer.OnSavedAsync(saved, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                everyObserver = false;
                ImageRulesLog.ObserverFailed(logger, observer.GetType().Name, saved.Event.GetType().Name, exception);
            }
        }

        if (!everyObserver)
        {
            return false;
        }

        try
        {
            await InStoreAsync(saved.Id, static (s, id, ct) => s.MarkEventDeliveredAsync(id, ct), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            ImageRulesLog.EventDeliveryFailed(logger, exception);
            return false;
        }
    }
}
