using System.Collections.Concurrent;
using System.Collections.Immutable;
using ImageRules.Domain;
using ImageRules.Domain.Events;

namespace ImageRules.Storage.Tests.Support;

/// <summary>
/// The images a random history's clients know of, as their callers would: added when a create, import or copy is
/// acknowledged, dropped when a delete is. Those still in progress are kept apart for the platform's completions, and
/// the recipients each image is believed to be shared with (after the acknowledged shares and cancellations) are kept
/// so that shares and cancellations mostly name accounts they can succeed with. Thread-safe.
/// </summary>
public sealed class KnownImages
{
    private readonly ConcurrentDictionary<ImageId, Image> live = new();
    private readonly ConcurrentDictionary<ImageId, Image> inProgress = new();
    private readonly ConcurrentDictionary<ImageId, ConcurrentDictionary<AccountId, bool>> holders = new();

    public void Made(Image image)
    {
        live[image.Id] = image;
        inProgress[image.Id] = image;
    }

    public void Completed(ImageId id) => inProgress.TryRemove(id, out _);

    public void Deleted(ImageId id)
    {
        live.TryRemove(id, out _);
        inProgress.TryRemove(id, out _);
        holders.TryRemove(id, out _);
    }

    public void Shared(ImageShared shared) => Believe(shared.Grants, held: true);

    public void Cancelled(ImageSharingCancelled cancelled) => Believe(cancelled.Grants, held: false);

    /// <summary>Whether <paramref name="recipient"/> is believed to hold a grant of <paramref name="id"/>.</summary>
    public bool Holds(ImageId id, AccountId recipient) => holders.TryGetValue(id, out var held) && held.ContainsKey(recipient);

    private void Believe(ImmutableArray<ShareGrant> grants, bool held)
    {
        foreach (var grant in grants)
        {
            var recipients = holders.GetOrAdd(grant.ImageId, _ => new());
            if (held)
            {
                recipients[grant.Recipient] = true;
            }
            else
            {
                recipients.TryRemove(grant.Recipient, out _);
            }
        }
    }

    /// <summary>Any image known to exist, or null when none is.</summary>
    public Image? Pick(Random random) => PickFrom(live, random);

    /// <summary>An image known to be in progress, or null when none is.</summary>
    public Image? PickInProgress(Random random) => PickFrom(inProgress, random);

    private static Image? PickFrom(ConcurrentDictionary<ImageId, Image> images, Random random)
    {
        var snapshot = images.Values;
        return snapshot.Count == 0 ? null : snapshot.ElementAt(random.Next(snapshot.Count));
    }
}
