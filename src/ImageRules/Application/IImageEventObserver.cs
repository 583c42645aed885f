using ImageRules.Domain.Events;

namespace ImageRules.Application;

/// <summary>
/// Hears every change the service has saved: a place for an audit trail or for publishing events. Register any number
/// in the container; each is called after the change is durable.
/// </summary>
/// <remarks>
/// <para><b>At least once.</b> When observers are registered the store keeps each change's event in the change's own
/// transaction (an outbox) until every observer has taken it. The service delivers it right after the commit; an
/// event not yet taken (an observer threw, the process stopped between the commit and the delivery) is delivered again
/// by <see cref="ImageService.DeliverPendingEventsAsync"/>, which the host's relay runs every
/// <c>ImageRulesOptions.EventRedeliveryInterval</c>. So an observer may hear an event twice, and in another order than
/// the changes were made: it de-duplicates by <see cref="SavedImageEvent.Id"/>.</para>
/// <para>With no observer registered nothing is kept: events cost nothing.</para>
/// </remarks>
public interface IImageEventObserver
{
    /// <summary>
    /// Called at least once for each saved change, with the same <see cref="SavedImageEvent.Id"/> each time; an
    /// exception here is logged, never reaches the caller (whose change stays saved), and leaves the event to be
    /// delivered again to every observer.
    /// </summary>
    ValueTask OnSavedAsync(SavedImageEvent saved, CancellationToken cancellationToken);
}
