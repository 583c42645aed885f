using ImageRules.Application;
using ImageRules.Domain;

namespace ImageRules.Benchmarks;

/// <summary>
/// Ids <c>img-s0000001</c>, <c>img-s0000002</c>, … for images the service makes during a run: deterministic, and
/// cheaper than the cryptographic <see cref="RandomImageIdGenerator"/> so its cost does not blur the service's own.
/// Thread-safe.
/// </summary>
internal sealed class SequentialImageIds : IImageIdGenerator
{
    private long next;

    public ImageId NewImageId() => new($"img-s{Interlocked.Increment(ref next):D7}");
}
