namespace ImageRules.Domain.Events;

/// <summary>
/// Something that happened to an image: the success value of every change the policy allows. A host keeps them as
/// an audit trail or publishes them once the change is saved.
/// </summary>
public interface IImageEvent
{
    /// <summary>The image the event is about.</summary>
    ImageId ImageId { get; }

    /// <summary>When it happened.</summary>
    DateTimeOffset OccurredAt { get; }
}
