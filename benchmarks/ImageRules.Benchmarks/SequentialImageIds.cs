using ImageRules.Application;
using ImageRules.Domain;

namespace ImageRules.Benchmarks;

/// <summary>
/// Ids for images the service makes during a run, numbered upwards from <c>img-10000000</c> (36^7 in base 36), far
/// above the numbers <see cref="World"/> gives its images, and enough for the billions of creates a long run makes.
/// Deterministic, and cheaper than the cryptographic <see cref="RandomImageIdGenerator"/> so its cost does not blur
/// the service's own. Thread-safe.
/// </summary>
internal sealed class SequentialImageIds : IImageIdGenerator
{
    private const long FirstNumber = 78_364_164_096;

    private long next = FirstNumber;

    public ImageId NewImageId() => World.ImageNumber(Interlocked.Increment(ref next));
}
