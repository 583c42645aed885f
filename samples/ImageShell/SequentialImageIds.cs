using System.Globalization;
using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Domain.Events;

namespace ImageRules.Samples.ImageShell;

/// <summary>
/// Numbers new images <c>img-00000001</c>, <c>img-00000002</c>, … in the order they are saved, so that a script can
/// name the images it creates. The library's own generator is random; registering this one before
/// <c>AddImageRules</c> replaces it.
/// </summary>
/// <remarks>
/// The service asks for an id whenever it loads a catalogue a decision could add to, also for decisions that add
/// nothing (a refused create, a quota read, a retry), so counting the ids asked for would skip numbers. This generator
/// therefore hands out the number after the highest one saved, and learns what was saved as an observer of the
/// service's saved changes (register it as both). Until that image is saved the same id is handed out again, which
/// is harmless for the shell's single writer: with several writers, one whose commit finds the id taken decides
/// again. Thread-safe.
/// </remarks>
public sealed class SequentialImageIds : IImageIdGenerator, IImageEventObserver
{
    private const string Prefix = "img-";

    private int lastSaved;

    /// <inheritdoc/>
    public ImageId NewImageId() => Numbered(Volatile.Read(ref lastSaved) + 1);

    /// <inheritdoc/>
    public ValueTask OnSavedAsync(SavedImageEvent saved, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(saved);
        var imageEvent = saved.Event;
        if (imageEvent is ImageCreated or ImageCopied or ImageImported && NumberOf(imageEvent.ImageId) is { } number)
        {
            // Taking the larger number makes an event delivered again (at least once) harmless.
            InterlockedMax(ref lastSaved, number);
        }

        return ValueTask.CompletedTask;
    }

    private static ImageId Numbered(int number) => new(Prefix + number.ToString("D8", CultureInfo.InvariantCulture));

    /// <summary>The number of an id this class made; null for any other id, such as a public image's.</summary>
    private static int? NumberOf(ImageId id) =>
        id.Value.StartsWith(Prefix, StringComparison.Ordinal)
        && int.TryParse(id.Value.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); seen < value; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }
}
