using System.Security.Cryptography;
using ImageRules.Domain;

namespace ImageRules.Application;

/// <summary>
/// Makes ids of 8 random lowercase letters and digits (36^8, about 2.8 trillion) from the system's cryptographic
/// random source. Thread-safe.
/// </summary>
public sealed class RandomImageIdGenerator : IImageIdGenerator
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <inheritdoc/>
    public ImageId NewImageId() => new(string.Create(12, 0, static (span, _) =>
    {
        "img-".CopyTo(span);
        RandomNumberGenerator.GetItems(Alphabet, span[4..]);
    }));
}
