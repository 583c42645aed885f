using ImageRules.Domain;

namespace ImageRules.Tests.Properties;

/// <summary>
/// How an operation names its image: a fixed id (an image of the generated world, or one that never exists), or
/// one of the newest custom images, made by the script's operations so far (whatever ids the service gave them) or
/// else by the world.
/// </summary>
/// <param name="Fixed">The id, when fixed.</param>
/// <param name="Newest">When not fixed, how many made images are newer: 0 for the newest (counting round when fewer were made).</param>
public sealed record ImageRef(ImageId? Fixed, int Newest)
{
    /// <summary>An id no image ever has.</summary>
    public static ImageId NeverMade { get; } = new("img-zzzzzzzz");

    /// <summary>The image with this id.</summary>
    public static ImageRef Of(ImageId id) => new(id, 0);

    /// <summary>The image made <paramref name="newer"/> images before the newest.</summary>
    public static ImageRef Made(int newer) => new(null, newer);

    /// <inheritdoc/>
    public override string ToString() => Fixed is { } id ? id.Value : Newest == 0 ? "newest" : $"newest-{Newest}";
}
