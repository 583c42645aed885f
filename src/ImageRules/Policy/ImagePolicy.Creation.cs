using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Ardalis.GuardClauses;
using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy.Failures;

namespace ImageRules.Policy;

public sealed partial class ImagePolicy
{
    private static readonly ImageOperatingSystem DefaultSystem = new(OsFamily.Linux, OsPlatform.TencentOS, "TencentOS Server 3.1 (TK4)");

    /// <summary>
    /// May the caller create a custom image from its instance (R10)? The image lives in the instance's region, starts
    /// <see cref="ImageState.Creating"/>, needs a valid name unique after NFC normalisation (R12, R36) and a free slot
    /// of the per-region quota (R11); the result quotes its storage cost (R17).
    /// </summary>
    /// <param name="request">What to create.</param>
    /// <param name="facts">The caller, the region, the caller's catalogue there, the time and the new id.</param>
    public Result<ImageCreated> Decide(CreateImage request, ImageFacts facts)
    {
        Guard.Against.Null(request);
        Guard.Against.Null(facts);
        var name = string.Empty;
        var description = string.Empty;
        var refused = Place(request.Caller, request.Region, facts)
            ?? CheckHostInput(request)
            ?? (request.SizeGiB < 1 ? new ParameterInvalid("SystemDiskSize", request.SizeGiB.ToString(CultureInfo.InvariantCulture), ValueProblem.BelowMinimum) : null)
            ?? CheckNewImage(request.Caller, request.Region, request.Name, request.Description, facts, out name, out description);
        if (refused is not null)
        {
            return refused;
        }

        var image = Draft(request.Caller, facts, name, description, request.OperatingSystem ?? DefaultSystem, request.Architecture, request.SizeGiB, request.Instance);
        return new ImageCreated(image, PriceList.QuoteImageCreation(facts.Region!, request.SizeGiB));
    }

    /// <summary>
    /// Checks what the host, not the account, states about the instance: a real instance id, a defined architecture,
    /// and an operating system whose family is defined and whose platform and name are valid text. Checked here, once,
    /// so every store answers the same bad host input the same way.
    /// </summary>
    private static Failure? CheckHostInput(CreateImage request)
    {
        if (request.Instance == default)
        {
            return new InstanceIdMalformed(null);
        }

        if (!Enum.IsDefined(request.Architecture))
        {
            return new ParameterInvalid("Architecture", request.Architecture.ToString(), ValueProblem.Unsupported);
        }

        return request.OperatingSystem is not { } system ? null
            : !Enum.IsDefined(system.Family) ? new ParameterInvalid("OsFamily", system.Family.ToString(), ValueProblem.Unsupported)
            : CheckHostText("Platform", system.Platform) ?? CheckHostText("OsName", system.Name);
    }

    private static Failure? CheckHostText(string parameter, string? text) =>
        string.IsNullOrWhiteSpace(text) ? new ParameterInvalid(parameter, text, ValueProblem.Empty)
        : CheckText(parameter, text, Image.MaxDescriptionLength, allowLineBreaks: false);

    /// <summary>
    /// Checks what every new custom image must satisfy: a valid name and description (R12, R36) and room in its
    /// owner's quota there (R11). Gives the name and description as stored (NFC).
    /// </summary>
    private Failure? CheckNewImage(AccountId owner, RegionId region, string name, string? description, ImageFacts facts, out string storedName, out string storedDescription)
    {
        storedDescription = string.Empty;
        var refused = CheckName(name, out storedName) ?? CheckDescription(description, out storedDescription);
        return refused ?? CheckRoom(owner, region, storedName, facts.Catalogue);
    }

    /// <summary>A new custom image as it starts: <c>Creating</c> from an instance, <c>Importing</c> from a file when <paramref name="instance"/> is null (R10, R18).</summary>
    private static Image Draft(AccountId owner, ImageFacts facts, string name, string description, ImageOperatingSystem system, Architecture architecture, int sizeGiB, InstanceId? instance) => new()
    {
        Id = facts.NewImageId,
        Owner = owner,
        Region = facts.Region!.Id,
        Name = name,
        Description = description,
        OperatingSystem = system,
        Architecture = architecture,
        SizeGiB = sizeGiB,
        State = instance is null ? ImageState.Importing : ImageState.Creating,
        Source = instance is null ? ImageSource.Imported : ImageSource.Instance,
        SourceInstance = instance,
        CreatedAt = facts.Now,
    };

    /// <summary>
    /// The platform reports the outcome of producing <paramref name="image"/> (R10, R14, R18, R37): <c>Creating</c>,
    /// <c>Importing</c> or <c>Syncing</c> becomes <c>Normal</c> on success, or <c>CreateFailed</c>,
    /// <c>ImportFailed</c> or <c>SyncFailed</c>. Any other state, including one failed by the timeout (R37), is
    /// <see cref="ImageStateIncorrect"/>.
    /// </summary>
    public Result<ImageCompleted> Complete(Image image, bool succeeded, DateTimeOffset now)
    {
        Guard.Against.Null(image);
        var current = AsOf(image, now);
        return current.State.Completed(succeeded) is { } state
            ? new ImageCompleted(image, image with { State = state }, now)
            : new ImageStateIncorrect(image.Id, current.State, ImageOperation.Complete);
    }

    /// <summary>
    /// Checks a name (R12, R36) and gives it as stored, NFC-normalised: 1–60 characters, not blank, no edge white
    /// space, no broken text, and none of the control, format or separator characters that reorder or hide text.
    /// </summary>
    internal static Failure? CheckName(string? name, out string stored)
    {
        stored = string.Empty;
        if (string.IsNullOrWhiteSpace(name))
        {
            return new ParameterInvalid("ImageName", name, ValueProblem.Empty);
        }

        if (!TryNormalize(name, out name))
        {
            return new ParameterInvalid("ImageName", name, ValueProblem.BrokenText);
        }

        var refused = CheckText("ImageName", name, Image.MaxNameLength, allowLineBreaks: false)
            ?? (char.IsWhiteSpace(name[0]) || char.IsWhiteSpace(name[^1]) ? new ParameterInvalid("ImageName", name, ValueProblem.EdgeWhiteSpace) : null);
        stored = refused is null ? name : string.Empty;
        return refused;
    }

    /// <summary>Checks a description (R12, R36) and gives it as stored, NFC-normalised: at most 256 characters; tabs and line breaks allowed, other control, format and separator characters not.</summary>
    private static Failure? CheckDescription(string? description, out string stored)
    {
        stored = string.Empty;
        if (description is null)
        {
            return null;
        }

        if (!TryNormalize(description, out description))
        {
            return new ParameterInvalid("ImageDescription", description, ValueProblem.BrokenText);
        }

        var refused = CheckText("ImageDescription", description, Image.MaxDescriptionLength, allowLineBreaks: true);
        stored = refused is null ? description : string.Empty;
        return refused;
    }

    /// <summary>NFC form of <paramref name="text"/>; false for broken text, which has none. ASCII text is its own NFC form.</summary>
    private static bool TryNormalize(string text, out string normalized)
    {
        if (Ascii.IsValid(text))
        {
            normalized = text;
            return true;
        }

        try
        {
            normalized = text.Normalize(NormalizationForm.FormC);
            return true;
        }
        catch (ArgumentException)
        {
            normalized = text;
            return false;
        }
    }

    /// <summary>
    /// The first problem of text already in the form it is stored in: longer than <paramref name="maxLength"/>
    /// characters as people count them, else a forbidden character (<see cref="Scan"/>); null when there is none.
    /// ASCII text, the usual case, is checked in one vectorised pass with no decoding.
    /// </summary>
    private static Failure? CheckText(string parameter, string text, int maxLength, bool allowLineBreaks)
    {
        var ascii = Ascii.IsValid(text);
        var length = ascii ? text.Length : TextLength(text);
        if (length > maxLength)
        {
            return new ParameterTooLarge(parameter, length, maxLength);
        }

        return (ascii ? ScanAscii(text, allowLineBreaks) : Scan(text, allowLineBreaks)) is { } problem
            ? new ParameterInvalid(parameter, text, problem)
            : null;
    }

    /// <summary>ASCII's control characters, NUL to US and DEL: every ASCII character <see cref="IsForbidden"/> refuses.</summary>
    private static readonly SearchValues<char> AsciiControls = SearchValues.Create(AsciiControlsExcept(""));

    /// <summary><see cref="AsciiControls"/> less tab and the line breaks, for text that may hold them.</summary>
    private static readonly SearchValues<char> AsciiControlsButBreaks = SearchValues.Create(AsciiControlsExcept("\t\n\r"));

    private static string AsciiControlsExcept(string allowed) =>
        string.Concat(Enumerable.Range(0, 0x20).Append(0x7F).Select(c => (char)c).Where(c => !allowed.Contains(c, StringComparison.Ordinal)));

    /// <summary><see cref="Scan"/> for ASCII text: the first control character decides, NUL being broken text.</summary>
    private static ValueProblem? ScanAscii(string text, bool allowLineBreaks)
    {
        var at = text.AsSpan().IndexOfAny(allowLineBreaks ? AsciiControlsButBreaks : AsciiControls);
        return at < 0 ? null : text[at] == '\0' ? ValueProblem.BrokenText : ValueProblem.ForbiddenCharacters;
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
    /// The first problem with <paramref name="text"/>'s characters (R36): broken text or NUL, then control
    /// characters (except tab and line breaks where allowed), format characters (bidi overrides, zero-width, BOM) and
    /// line or paragraph separators; null when there is none.
    /// </summary>
    private static ValueProblem? Scan(string text, bool allowLineBreaks)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != System.Buffers.OperationStatus.Done || rune.Value == 0)
            {
                return ValueProblem.BrokenText;
            }

            if (IsForbidden(rune, allowLineBreaks))
            {
                return ValueProblem.ForbiddenCharacters;
            }

            rest = rest[used..];
        }

        return null;
    }

    private static bool IsForbidden(Rune rune, bool allowLineBreaks) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control => !(allowLineBreaks && rune.Value is '\t' or '\n' or '\r'),
        UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => true,
        _ => false,
    };

    /// <summary>
    /// Is there room for a new custom image called <paramref name="name"/> (normalised) of <paramref name="owner"/> in
    /// <paramref name="region"/>? The name must be unused there (R12, R36) and the quota not full (R11).
    /// </summary>
    private Failure? CheckRoom(AccountId owner, RegionId region, string name, ImmutableArray<Image> catalogue)
    {
        if (NameIsTaken(name, catalogue, except: null))
        {
            return new ImageNameDuplicate(name, region);
        }

        return catalogue.Length >= MaxCustomImagesPerRegion
            ? new CustomImageQuotaExceeded(owner, region, MaxCustomImagesPerRegion)
            : null;
    }

    /// <summary>
    /// Names compare ordinally once both are NFC (R36). Names stored through a decision already are, but a store may
    /// hold older or seeded ones that are not, so a stored name that differs and is not ASCII (ASCII is its own NFC
    /// form) is normalised before it is compared.
    /// </summary>
    private static bool NameIsTaken(string name, ImmutableArray<Image> catalogue, ImageId? except)
    {
        foreach (var image in catalogue)
        {
            if (image.Id != except && SameName(image.Name, name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameName(string stored, string normalized) =>
        string.Equals(stored, normalized, StringComparison.Ordinal)
        || (!Ascii.IsValid(stored) && string.Equals(stored.Normalize(NormalizationForm.FormC), normalized, StringComparison.Ordinal));
}
