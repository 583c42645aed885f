using System.Globalization;
using ImageRules.Application;
using ImageRules.Domain;

namespace ImageRules.Samples.ImageShell;

/// <summary>
/// Numbers new images <c>img-00000001</c>, <c>img-00000002</c>, … so that a script can name the images it creates.
/// The library's own generator is random; registering this one before <c>AddImageRules</c> replaces it. Thread-safe.
/// </summary>
public sealed class SequentialImageIds : IImageIdGenerator
{
    private int last;

    /// <inheritdoc/>
    public ImageId NewImageId() =>
        new("img-" + Interlocked.Increment(ref last).ToString("D8", CultureInfo.InvariantCulture));
}
