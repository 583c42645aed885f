using ImageRules.Domain.Events;

namespace ImageRules.Application;

/// <summary>
/// Hears every change the service has saved, in the order each caller made them: a place for an audit trail or for
/// publishing events. Register any number in the container; each is called after the change is durable.
/// </summary>
public interface IImageEventObserver
{
    /// <summary>Called once for each saved change; an exception here is logged and never reaches the caller, and the change stays saved.</summary>
    ValueTask OnSavedAsync(IImageEvent imageEvent, CancellationToken cancellationToken);
}
