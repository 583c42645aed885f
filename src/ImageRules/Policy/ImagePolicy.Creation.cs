using System.Text;
using Ardalis.GuardClauses;
using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy.Failures;
using ImageRules.Policy.Requests;

namespace ImageRules.Policy;

public sealed partial class ImagePolicy
{
    /// <summary>
    /// May <paramref name="caller"/> create a custom image from its instance (R10)? The image lives in the
    /// instance's region, starts <see cref="ImageState.Creating"/>, needs a valid unique name (R12) and a free slot
    /// of the per-region quota (R11); the result quotes its storage cost (R17).
    /// </summary>
    /// <param name="request">What to create.</param>
    /// <param name="caller">The account creating the image.</param>
    /// <param name="region">The instance's region; its id must be the request's region.</param>
    /// <param name="callerImagesInRegion">Every custom image <paramref name="caller"/> owns in the region, in any state.</param>
    /// <param name="newImage">The new image's id and the current time.</param>
    public Result<ImageCreated> CreateFromInstance(CreateImageRequest request, AccountId caller, Region region, IReadOnlyCollection<Image> callerImagesInRegion, NewImage newImage)
    {
        Guard.Against.Null(request);
        Guard.Against.Null(region);
        Guard.Against.Null(callerImagesInRegion);
        var refused = (request.SizeGiB < 1 ? new DiskSizeInvalid("system disk", request.SizeGiB) : null)
            ?? CheckNewImage(caller, region, request.Region, request.Name, request.Description, callerImagesInRegion);
        if (refused is not null)
        {
            return refused;
        }

        var image = Draft(caller, region, newImage, request.Name, request.Description, request.OperatingSystem, request.Architecture, request.SizeGiB, ImageSource.Instance)
            with { SourceInstance = request.Instance };
        return new ImageCreated(image, Options.PriceList.QuoteImageCreation(region, request.SizeGiB));
    }

    /// <summary>
    /// Checks what every new custom image must satisfy: it lives in the region asked for, has a valid name and
    /// description (R12) and fits in its owner's quota there (R11).
    /// </summary>
    private Failure? CheckNewImage(AccountId owner, Region region, RegionId requested, string name, string? description, IReadOnlyCollection<Image> ownerImagesInRegion) =>
        region.Id != requested
            ? new RegionNotFound(requested.Value)
            : CheckNameAndDescription(name, description) ?? CheckRoom(owner, region.Id, name, ownerImagesInRegion);

    /// <summary>A new custom image as it starts: <c>Creating</c> from an instance, <c>Importing</c> from a file (R10, R18).</summary>
    private static Image Draft(AccountId owner, Region region, NewImage newImage, string name, string description, ImageOperatingSystem system, Architecture architecture, int sizeGiB, ImageSource source) => new()
    {
        Id = newImage.Id,
        Owner = owner,
        Region = region.Id,
        Name = name,
        Description = description ?? string.Empty,
        OperatingSystem = system,
        Architecture = architecture,
        SizeGiB = sizeGiB,
        State = source == ImageSource.Imported ? ImageState.Importing : ImageState.Creating,
        Source = source,
        CreatedAt = newImage.CreatedAt,
    };

    /// <summary>
    /// The platform reports the outcome of producing <paramref name="image"/> (R10, R14, R18):
    /// <c>Creating</c>, <c>Importing</c> or <c>Syncing</c> becomes <c>Normal</c> on success, or
    /// <c>CreateFailed</c>, <c>ImportFailed</c> or <c>SyncFailed</c>. Any other state is <see cref="IncorrectImageState"/>.
    /// </summary>
    public Result<ImageCompleted> Complete(Image image, bool succeeded, DateTimeOffset now)
    {
        Guard.Against.Null(image);
        return image.State.Completed(succeeded) is { } state
            ? new ImageCompleted(image, image with { State = state }, now)
            : new IncorrectImageState(image.Id, image.State, "complete");
    }

    /// <summary>Checks a name and a description (R12): a name of 1–60 characters, not blank, no control characters or edge white space; a description of at most 256.</summary>
    internal static Failure? CheckNameAndDescription(string? name, string? description) =>
        CheckName(name) ?? CheckDescription(description);

    internal static Failure? CheckName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return new ImageNameInvalid(name, "it is empty");
        }

        var length = TextLength(name);
        if (length > Image.MaxNameLength)
        {
            return new ImageNameTooLong(length);
        }

        if (HasControlOrBrokenText(name))
        {
            return new ImageNameInvalid(name, "it holds control characters or broken text");
        }

        return char.IsWhiteSpace(name[0]) || char.IsWhiteSpace(name[^1])
            ? new ImageNameInvalid(name, "it starts or ends with white space")
            : null;
    }

    private static Failure? CheckDescription(string? description)
    {
        if (description is null)
        {
            return null;
        }

        var length = TextLength(description);
        if (length > Image.MaxDescriptionLength)
        {
            return new DescriptionTooLong(length);
        }

        return HasBrokenTextOrNul(description) ? new DescriptionInvalid("it holds broken text or NUL characters") : null;
    }

    /// <summary>Length in characters as people count them (Unicode scalar values), so one emoji counts once.</summary>
    private static int TextLength(string text)
    {
        var length = 0;
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            Rune.DecodeFromUtf16(rest, out _, out var used);
            rest = rest[used..];
            length++;
        }

        return length;
    }

    /// <summary>
    /// True for an unpaired surrogate (not text, so no character count) or U+0000 (which databases cannot hold):
    /// descriptions may hold other control characters, such as line breaks.
    /// </summary>
    private static bool HasBrokenTextOrNul(string text)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != System.Buffers.OperationStatus.Done || rune.Value == 0)
            {
                return true;
            }

            rest = rest[used..];
        }

        return false;
    }

    private static bool HasControlOrBrokenText(string text)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != System.Buffers.OperationStatus.Done || Rune.IsControl(rune))
            {
                return true;
            }

            rest = rest[used..];
        }

        return false;
    }

    /// <summary>
    /// Is there room for a new custom image called <paramref name="name"/> of <paramref name="owner"/> in
    /// <paramref name="region"/>? The name must be unused there (R12) and the quota not full (R11).
    /// </summary>
    private Failure? CheckRoom(AccountId owner, RegionId region, string name, IReadOnlyCollection<Image> ownerImagesInRegion)
    {
        if (NameIsTaken(name, ownerImagesInRegion, except: null))
        {
            return new DuplicateImageName(name, region);
        }

        return ownerImagesInRegion.Count >= Options.MaxCustomImagesPerRegion
            ? new CustomImageQuotaExceeded(owner, region, Options.MaxCustomImagesPerRegion)
            : null;
    }

    private static bool NameIsTaken(string name, IReadOnlyCollection<Image> ownerImagesInRegion, ImageId? except)
    {
        foreach (var image in ownerImagesInRegion)
        {
            if (image.Id != except && string.Equals(image.Name, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
