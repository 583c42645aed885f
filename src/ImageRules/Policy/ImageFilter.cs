using System.Collections.Immutable;
using Ardalis.GuardClauses;
using ImageRules.Domain;

namespace ImageRules.Policy;

/// <summary>Filters of an image listing (R2); every filter given must match, an absent one matches everything.</summary>
public sealed record ImageFilter
{
    /// <summary>Matches everything.</summary>
    public static ImageFilter None { get; } = new();

    /// <summary>Only these ids.</summary>
    public ImmutableArray<ImageId>? ImageIds { get; init; }

    /// <summary>Only images of this kind for the viewer.</summary>
    public ImageKind? Kind { get; init; }

    /// <summary>Only this operating-system family.</summary>
    public OsFamily? OsFamily { get; init; }

    /// <summary>Only this platform, such as <c>Ubuntu</c> (case-insensitive).</summary>
    public string? Platform { get; init; }

    /// <summary>Only this architecture.</summary>
    public Architecture? Architecture { get; init; }

    /// <summary>Only images in this state.</summary>
    public ImageState? State { get; init; }

    /// <summary>Only names containing this text (case-insensitive).</summary>
    public string? NameContains { get; init; }

    /// <summary>Value equality, comparing <see cref="ImageIds"/> item by item.</summary>
    public bool Equals(ImageFilter? other) =>
        other is not null && ValueEquality.Items(ImageIds, other.ImageIds) && Kind == other.Kind && OsFamily == other.OsFamily
        && Platform == other.Platform && Architecture == other.Architecture && State == other.State && NameContains == other.NameContains;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(ImageIds is { } ids ? ValueEquality.Hash(ids) : 0, Kind, OsFamily, Platform, Architecture, State, NameContains);

    /// <summary>True when <paramref name="image"/>, of kind <paramref name="kind"/> for the viewer, passes every filter.</summary>
    public bool Matches(Image image, ImageKind kind)
    {
        Guard.Against.Null(image);
        return (ImageIds is not { } ids || ids.Contains(image.Id))
            && (Kind is not { } k || k == kind)
            && (OsFamily is not { } family || family == image.OperatingSystem.Family)
            && (Platform is null || string.Equals(Platform, image.OperatingSystem.Platform, StringComparison.OrdinalIgnoreCase))
            && (Architecture is not { } architecture || architecture == image.Architecture)
            && (State is not { } state || state == image.State)
            && (NameContains is null || image.Name.Contains(NameContains, StringComparison.OrdinalIgnoreCase));
    }
}
