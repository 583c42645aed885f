namespace ImageRules.Domain.Events;

/// <summary>
/// A saved change's event as observers hear it (<c>IImageEventObserver</c>), with an id that names it for good:
/// delivered at least once, so an observer that must act once de-duplicates by <see cref="Id"/>.
/// </summary>
/// <remarks>
/// The id is <c>owner/region/version</c> of the catalogue change that saved the event (<c>public</c> for the owner
/// of the platform's public images): every commit moves its catalogue's version on by one, so no two changes share an
/// id, and a redelivery carries the same id as the first delivery. Written by the store in the change's own
/// transaction (an outbox), so a saved change's event is never lost.
/// </remarks>
/// <param name="Id">The stable id: <c>owner/region/version</c> of the change that saved it.</param>
/// <param name="Event">What happened.</param>
public sealed record SavedImageEvent(string Id, IImageEvent Event);
