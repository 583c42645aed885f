using ImageRules.Application;
using ImageRules.Domain;

namespace ImageRules.Tests.Support;

/// <summary>Deterministic ids <c>img-t0000001</c>, <c>img-t0000002</c>, … so tests can name new images. Thread-safe.</summary>
public sealed class SequentialImageIds : IImageIdGenerator
{
    private long next;

    public ImageId NewImageId() => new($"img-t{Interlocked.Increment(ref next):D7}");
}
