using System.Globalization;
using ImageRules.Domain;
using ImageRules.Policy;

namespace ImageRules.Tests.Properties;

/// <summary>
/// What one operation answered, reduced to what the rules decide, in one text form for the service and the
/// <see cref="ReferenceModel"/> so the two compare with <c>==</c>: a refusal by its error code alone, a success by a
/// line of what it did or showed.
/// </summary>
/// <param name="Code">The error code of a refusal; null on success.</param>
/// <param name="Detail">On success, what the operation did or showed.</param>
public sealed record Outcome(string? Code, string Detail)
{
    /// <summary>The id of the image a success made.</summary>
    public ImageId? NewImage { get; init; }

    /// <summary>The owner of the image a success made.</summary>
    public AccountId? NewImageOwner { get; init; }

    /// <summary>The region of the image a success made.</summary>
    public RegionId? NewImageRegion { get; init; }

    /// <summary>True for a success.</summary>
    public bool IsSuccess => Code is null;

    /// <summary>A refusal with <paramref name="code"/>.</summary>
    public static Outcome Refused(string code) => new(code, string.Empty);

    /// <summary>A success that did or showed <paramref name="detail"/>.</summary>
    public static Outcome Done(string detail) => new(null, detail);

    /// <summary>The outcome of a service call: its failure's code, or <paramref name="detail"/> of its value.</summary>
    public static Outcome Of<T>(Result<T> result, Func<T, Outcome> detail) =>
        result.TryGetValue(out var value, out var failure) ? detail(value) : Refused(failure.Code);

    /// <summary>A success that made image <paramref name="id"/> of <paramref name="owner"/> in <paramref name="region"/>.</summary>
    public static Outcome Made(ImageId id, AccountId? owner, RegionId region, ImageState state, Advisories advisories = Advisories.None, bool charged = false) =>
        Done($"made {id} of {owner} in {region}, {state}, advisories {advisories}{(charged ? ", charged" : string.Empty)}")
            with { NewImage = id, NewImageOwner = owner, NewImageRegion = region };

    /// <summary>The platform's outcome recorded: the image is now in <paramref name="state"/>.</summary>
    public static Outcome Completed(ImageId id, ImageState state) => Done($"{id} now {state}");

    /// <summary>An image renamed and/or re-described.</summary>
    public static Outcome Modified(ImageId id, string name, string description) =>
        Done($"{id} now {Readable.Text(name)} {Readable.Text(description)}");

    /// <summary>An image deleted.</summary>
    public static Outcome Deleted(ImageId id) => Done($"deleted {id}");

    /// <summary>The quota in use.</summary>
    public static Outcome Quota(int used, int limit) => Done(string.Create(CultureInfo.InvariantCulture, $"{used} of {limit} images"));

    /// <summary>A launch allowed as <paramref name="kind"/> for <paramref name="reason"/>.</summary>
    public static Outcome Launch(ImageKind kind, LaunchReason reason, bool charged, Advisories advisories) =>
        Done($"launch {kind} by {reason}, {(charged ? "licence fee" : "free")}, advisories {advisories}");

    /// <summary>A listing of the images seen, each given by <see cref="Listed"/>, and how many match in all.</summary>
    public static Outcome Listing(IEnumerable<string> items, int total) =>
        Done($"{total} in all: [{string.Join("; ", items)}]");

    /// <summary>One image of a listing, with everything a viewer may see of it.</summary>
    public static string Listed(ImageId id, ImageKind kind, AccountId? owner, ImageState state, string name, string description, OsFamily family, Architecture architecture, int sizeGiB) =>
        $"{id} {kind} of {owner?.Value ?? "platform"} {state} {Readable.Text(name)} {Readable.Text(description)} {family} {architecture} {sizeGiB}GiB";

    /// <summary>Grants given, cancelled or shown, in order.</summary>
    public static Outcome Grants(string verb, IEnumerable<ShareGrant> grants) =>
        Done($"{verb} [{string.Join(", ", grants.Select(g => $"{g.ImageId} of {g.Owner} to {g.Recipient} in {g.Region}"))}]");

    /// <summary>Grants in recipient order, for answers whose order the rules leave open.</summary>
    public static Outcome SortedGrants(string verb, IEnumerable<ShareGrant> grants) =>
        Grants(verb, grants.OrderBy(g => g.Recipient.Value, StringComparer.Ordinal));

    /// <inheritdoc/>
    public override string ToString() => Code ?? $"ok, {Detail}";
}
