using System.Collections.Immutable;
using Ardalis.GuardClauses;
using ImageRules.Domain;

namespace ImageRules.Policy;

/// <summary>Filters of an image listing (R2); every filter given must match, an absent one matches everything.</summary>
/// <remarks>
/// <b>Cost.</b> With no filter but <see cref="Kind"/>, a page costs in proportion to its offset plus its limit, whatever
/// the viewer sees, and its total comes from counters. <see cref="ImageIds"/> costs in proportion to the ids (at most
/// 100, R35). Every other filter must count its matches for the total: a listing filtered by family, architecture or
/// state costs in proportion to the viewer's visible images of the kinds asked for (the SQL stores narrow them by
/// index and count in the database), and one filtered by platform or name also reads all of those into the process
/// to match the text. Narrow with <see cref="Kind"/> to read fewer.
/// </remarks>
public sealed record ImageFilter
{
    /// <summary>Matches everything.</summary>
    public static ImageFilter None { get; } = new();

    /// <summary>Only these ids.</summary>
    public ImmutableArray<ImageId>? ImageIds { get; init; }

    /// <summary>Only images of this kind for the viewer; it keeps a page's cost in proportion to the page (see "Cost").</summary>
    public ImageKind? Kind { get; init; }

    /// <summary>Only this operating-system family; costs in proportion to the viewer's visible images of the kinds asked for (see "Cost").</summary>
    public OsFamily? OsFamily { get; init; }

    /// <summary>Only this platform, such as <c>Ubuntu</c> (case-insensitive); reads every visible image of the kinds asked for (see "Cost").</summary>
    public string? Platform { get; init; }

    /// <summary>Only this architecture; costs in proportion to the viewer's visible images of the kinds asked for (see "Cost").</summary>
    public Architecture? Architecture { get; init; }

    /// <summary>
    /// Only images in this state as the viewer is shown it: with <see cref="TimedOutBefore"/>, an image still
    /// <c>Creating</c>, <c>Importing</c> or <c>Syncing</c> made before it matches as <c>CreateFailed</c>,
    /// <c>ImportFailed</c> or <c>SyncFailed</c> (R37), not as the state stored. Costs in proportion to the viewer's
    /// visible images of the kinds asked for (see "Cost").
    /// </summary>
    public ImageState? State { get; init; }

    /// <summary>
    /// The transition timeout's cutoff (R37): an image still in progress made before this instant has failed, which
    /// <see cref="State"/> matches; null takes every state as stored. <c>ImageService</c> sets it from its clock and
    /// <see cref="ImagePolicy.TransitionTimeout"/> once per listing, replacing any value given; a store reads it.
    /// </summary>
    public DateTimeOffset? TimedOutBefore { get; init; }

    /// <summary>Only names containing this text (case-insensitive); reads every visible image of the kinds asked for (see "Cost").</summary>
    public string? NameContains { get; init; }

    /// <summary>Value equality, comparing <see cref="ImageIds"/> item by item.</summary>
    public bool Equals(ImageFilter? other) =>
        other is not null && ValueEquality.Items(ImageIds, other.ImageIds) && Kind == other.Kind && OsFamily == other.OsFamily
        && Platform == other.Platform && Architecture == other.Architecture && State == other.State && NameContains == other.NameContains
        && TimedOutBefore == other.TimedOutBefore;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(ImageIds is { } ids ? ValueEquality.Hash(ids) : 0, Kind, OsFamily, Platform, Architecture, State, NameContains, TimedOutBefore);

    /// <summary>
    /// True when nothing but <see cref="Kind"/> narrows the listing (the cutoff of R37 narrows nothing without a state
    /// filter): a listing's total is then the sum of the kinds' counts. Allocates nothing, unlike comparing a copy.
    /// </summary>
    internal bool NarrowsOnlyByKind =>
        ImageIds is null && OsFamily is null && Platform is null && Architecture is null && State is null && NameContains is null;

    /// <summary>True when <paramref name="image"/>, of kind <paramref name="kind"/> for the viewer, passes every filter.</summary>
    public bool Matches(Image image, ImageKind kind)
    {
        Guard.Against.Null(image);
        return (ImageIds is not { } ids || ids.Contains(image.Id))
            && (Kind is not { } k || k == kind)
            && (OsFamily is not { } family || family == image.OperatingSystem.Family)
            && (Platform is null || string.Equals(Platform, image.OperatingSystem.Platform, StringComparison.OrdinalIgnoreCase))
            && (Architecture is not { } architecture || architecture == image.Architecture)
            && (State is not { } state || state == ShownState(image))
            && (NameContains is null || image.Name.Contains(NameContains, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The state <paramref name="image"/> is shown in: failed when still in progress and made before <see cref="TimedOutBefore"/> (R37).</summary>
    private ImageState ShownState(Image image) =>
        TimedOutBefore is { } cutoff && image.CreatedAt < cutoff && image.State.Completed(succeeded: false) is { } failed ? failed : image.State;
}
