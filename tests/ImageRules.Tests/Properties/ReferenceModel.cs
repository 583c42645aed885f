using System.Text;
using ImageRules.Domain;
using ImageRules.Policy;

namespace ImageRules.Tests.Properties;

/// <summary>
/// RULES.md as a deliberately plain program, the oracle of the model-based properties: lists scanned from the start,
/// one method per operation, each rule checked in the order the service documents (caller, region, visibility,
/// ownership, state, parameters, limits last). It is written from the rule table, not from the library; error codes
/// are the table's strings, and where the table names none (a blank name, an empty account list, a bad page) the
/// service's documented choice.
/// </summary>
/// <remarks>
/// The model does not make ids or read a clock: <see cref="Tick"/> gives it the current time and the id the service
/// gave the image an operation made, so the two can be compared image by image.
/// </remarks>
public sealed class ReferenceModel
{
    private const string ImageNotFound = "InvalidImageId.NotFound";
    private const string AccountNotFound = "InvalidAccountId.NotFound";
    private const string RegionNotFound = "InvalidRegion.NotFound";
    private const string RegionUnavailable = "InvalidRegion.Unavailable";
    private const string NotOwner = "UnauthorizedOperation.ImageNotBelongToAccount";
    private const string SharedImageModifyUnsupported = "UnsupportedOperation.SharedImageModifyUnsupported";
    private const string IncorrectState = "InvalidImageId.IncorrectState";
    private const string InvalidImageState = "InvalidParameterValue.InvalidImageState";
    private const string QuotaExceeded = "ImageQuotaLimitExceeded";
    private const string DuplicateName = "InvalidImageName.Duplicate";
    private const string TooLarge = "InvalidParameterValue.TooLarge";
    private const string InvalidValue = "InvalidParameterValue";
    private const string UnsupportedRegion = "UnsupportedOperation.Region";
    private const string InShared = "InvalidImageId.InShared";
    private const string OverQuota = "OverQuota";
    private const string YourSelf = "InvalidAccountIs.YourSelf";
    private const string NotMaster = "FailedOperation.NotMasterAccount";
    private const string AlreadyShared = "FailedOperation.AccountAlreadyExists";
    private const string NoAccounts = "MissingParameter";
    private const string PageLimit = "InvalidParameterValue.LimitExceeded";
    private const string UrlError = "InvalidParameter.InvalidParameterUrlError";
    private const string IsoByForce = "InvalidParameterValue.ISOMustImportByForce";
    private const string OsTypeUnsupported = "InvalidImageOsType.Unsupported";
    private const string OsVersionUnsupported = "InvalidImageOsVersion.Unsupported";

    private readonly int maxImagesPerRegion;
    private readonly int maxAccountsPerImage;
    private readonly bool recipientsMayCopyWithinRegion;
    private readonly bool copiesMayCrossMainlandBorder;
    private readonly List<Region> regions;
    private readonly List<Account> accounts;
    private readonly List<ModelImage> images = [];
    private readonly List<ShareGrant> grants = [];
    private readonly List<ImageId> idsEverUsed = [];
    private DateTimeOffset now;
    private ImageId nextImage = ImageRef.NeverMade;

    /// <summary>A model holding <paramref name="world"/> under the figures <paramref name="limits"/> resolved from its options.</summary>
    /// <remarks>Only the four figures are read; the policy's decisions never are.</remarks>
    public ReferenceModel(ImagePolicy limits, World world)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(world);
        maxImagesPerRegion = limits.MaxCustomImagesPerRegion;
        maxAccountsPerImage = limits.MaxShareRecipientsPerImage;
        recipientsMayCopyWithinRegion = limits.RecipientsMayCopyWithinRegion;
        copiesMayCrossMainlandBorder = limits.AllowCopyAcrossMainlandBorder;
        regions = [.. world.Regions];
        accounts = [.. world.Accounts];
        foreach (var image in world.Images)
        {
            Add(new ModelImage(image.Id, image.Owner, image.Region, image.Name, image.Description, image.State, image.OperatingSystem.Family, image.Architecture, image.SizeGiB, image.CreatedAt));
        }

        grants.AddRange(world.Grants);
    }

    /// <summary>The image's kind for one viewer (R1); null when the viewer cannot see it.</summary>
    private enum Seen
    {
        Public,
        Custom,
        Shared,
    }

    /// <summary>Sets the time of the next operation and the id the service gave the image it makes, if it makes one.</summary>
    public void Tick(DateTimeOffset time, ImageId? newImage)
    {
        now = time;
        nextImage = newImage ?? ImageRef.NeverMade;
    }

    /// <summary>True when no image ever had <paramref name="id"/>: a new image must get a fresh id.</summary>
    public bool IsFresh(ImageId id) => !idsEverUsed.Contains(id);

    /// <summary>Create a custom image from an instance (R10–R12).</summary>
    public Outcome Create(AccountId caller, RegionId region, string name, string description, OsFamily family, Architecture architecture, int sizeGiB)
    {
        var refused = CheckCaller(caller, region) ?? CheckName(name) ?? CheckDescription(description) ?? CheckRoom(caller, region, name);
        if (refused is not null)
        {
            return Outcome.Refused(refused);
        }

        var image = Add(new ModelImage(nextImage, caller, region, name, description, ImageState.Creating, family, architecture, sizeGiB, now));
        return Outcome.Made(image.Id, caller, region, image.State);
    }

    /// <summary>Import an image file (R18), then the name and quota rules of any new image (R11, R12).</summary>
    public Outcome Import(AccountId caller, RegionId region, string name, ImportSource source, ImportSystem system)
    {
        var refused = CheckCaller(caller, region)
            ?? (FindRegion(region)!.SupportsImport ? null : RegionUnavailable)
            ?? CheckImportSource(source)
            ?? CheckImportSystem(system)
            ?? CheckName(name)
            ?? CheckRoom(caller, region, name);
        if (refused is not null)
        {
            return Outcome.Refused(refused);
        }

        var windows = system == ImportSystem.WindowsServer2016;
        var image = Add(new ModelImage(
            nextImage,
            caller,
            region,
            name,
            string.Empty,
            ImageState.Importing,
            windows ? OsFamily.Windows : OsFamily.Linux,
            system == ImportSystem.Ubuntu2204On32Bit ? Architecture.I386 : Architecture.X86_64,
            ImportImage.SystemDiskGiB,
            now));
        return Outcome.Made(image.Id, caller, region, image.State, windows ? Advisories.NoWindowsActivation : Advisories.None);
    }

    /// <summary>The platform reports whether making an image worked (R10, R14, R18).</summary>
    public Outcome Complete(ImageId id, bool succeeded)
    {
        var image = FindImage(id);
        if (image is null)
        {
            return Outcome.Refused(ImageNotFound);
        }

        ImageState? next = image.State switch
        {
            ImageState.Creating => succeeded ? ImageState.Normal : ImageState.CreateFailed,
            ImageState.Importing => succeeded ? ImageState.Normal : ImageState.ImportFailed,
            ImageState.Syncing => succeeded ? ImageState.Normal : ImageState.SyncFailed,
            _ => null,
        };
        if (next is not { } state)
        {
            return Outcome.Refused(IncorrectState);
        }

        image.State = state;
        return Outcome.Completed(id, state);
    }

    /// <summary>
    /// Copy an image (R14, R15): the owner to a different region; a recipient, when the options allow it, within the
    /// image's region (Provider 2025); anyone else is refused (R13, R25).
    /// </summary>
    public Outcome Copy(AccountId caller, RegionId region, ImageId id, RegionId target, string? name)
    {
        var refused = CheckCaller(caller, region);
        if (refused is not null)
        {
            return Outcome.Refused(refused);
        }

        var image = FindImage(id);
        var kind = image is null ? null : SeenBy(image, caller, region);
        if (image is null || kind is null)
        {
            return Outcome.Refused(ImageNotFound);
        }

        var targetRegion = FindRegion(target);
        var sourceRegion = FindRegion(image.Region)!;
        var copyName = name ?? image.Name;
        refused = CheckCopier(kind.Value, image, target)
            ?? (image.State == ImageState.Normal ? null : IncorrectState)
            ?? (targetRegion is null ? RegionNotFound : null)
            ?? (targetRegion!.SupportsCopy && sourceRegion.SupportsCopy ? null : RegionUnavailable)
            ?? (targetRegion.IsChineseMainland == sourceRegion.IsChineseMainland || copiesMayCrossMainlandBorder ? null : UnsupportedRegion)
            ?? (name is null ? null : CheckName(name))
            ?? CheckRoom(caller, target, copyName);
        if (refused is not null)
        {
            return Outcome.Refused(refused);
        }

        var copy = Add(new ModelImage(nextImage, caller, target, copyName, image.Description, ImageState.Syncing, image.Family, image.Architecture, image.SizeGiB, now));
        return Outcome.Made(copy.Id, caller, target, copy.State);
    }

    /// <summary>Rename and/or re-describe an image (R12, R13, R25).</summary>
    public Outcome Modify(AccountId caller, RegionId region, ImageId id, string? name, string? description)
    {
        var (image, refused) = OwnedImage(caller, region, id, recipientRefusal: SharedImageModifyUnsupported);
        refused ??= (name is null ? null : CheckName(name))
            ?? (description is null ? null : CheckDescription(description))
            ?? (name is not null && images.Exists(i => i != image && i.Owner == image!.Owner && i.Region == image.Region && i.Name == name) ? DuplicateName : null);
        if (refused is not null)
        {
            return Outcome.Refused(refused);
        }

        image!.Name = name ?? image.Name;
        image.Description = description ?? image.Description;
        return Outcome.Modified(id, image.Name, image.Description);
    }

    /// <summary>Delete an image (R16): owner only, not while it is being made, not while shared.</summary>
    public Outcome Delete(AccountId caller, RegionId region, ImageId id)
    {
        var (image, refused) = OwnedImage(caller, region, id, recipientRefusal: NotOwner);
        refused ??= (image!.State is ImageState.Creating or ImageState.Syncing or ImageState.Importing ? IncorrectState : null)
            ?? (grants.Exists(g => g.ImageId == id) ? InShared : null);
        if (refused is not null)
        {
            return Outcome.Refused(refused);
        }

        images.Remove(image!);
        return Outcome.Deleted(id);
    }

    /// <summary>Share an image with a list of accounts, all or nothing (R20–R23, R25).</summary>
    public Outcome Share(AccountId caller, RegionId region, ImageId id, IReadOnlyList<AccountId> recipients)
    {
        var (image, refused) = OwnedImage(caller, region, id, recipientRefusal: SharedImageModifyUnsupported);
        refused ??= (image!.State == ImageState.Normal ? null : InvalidImageState)
            ?? (recipients.Count == 0 ? NoAccounts : null)
            ?? CheckRecipients(image, recipients)
            ?? (grants.Count(g => g.ImageId == id) + recipients.Count > maxAccountsPerImage ? OverQuota : null);
        if (refused is not null)
        {
            return Outcome.Refused(refused);
        }

        var given = recipients.Select(r => new ShareGrant(id, caller, r, image!.Region, now)).ToList();
        grants.AddRange(given);
        return Outcome.Grants("granted", given);
    }

    /// <summary>Cancel sharing with a list of accounts, all or nothing (R24, R25).</summary>
    public Outcome CancelSharing(AccountId caller, RegionId region, ImageId id, IReadOnlyList<AccountId> recipients)
    {
        var (_, refused) = OwnedImage(caller, region, id, recipientRefusal: NotOwner);
        refused ??= recipients.Count == 0 ? NoAccounts : null;
        if (refused is not null)
        {
            return Outcome.Refused(refused);
        }

        var remaining = grants.Where(g => g.ImageId == id).ToList();
        var cancelled = new List<ShareGrant>();
        foreach (var recipient in recipients)
        {
            var grant = remaining.Find(g => g.Recipient == recipient);
            if (grant is null)
            {
                return Outcome.Refused(AccountNotFound);
            }

            remaining.Remove(grant);
            cancelled.Add(grant);
        }

        grants.RemoveAll(cancelled.Contains);
        return Outcome.Grants("cancelled", cancelled);
    }

    /// <summary>Cancel every grant of an image (R16, R24), owner only.</summary>
    public Outcome CancelAllSharing(AccountId caller, RegionId region, ImageId id)
    {
        var (_, refused) = OwnedImage(caller, region, id, recipientRefusal: NotOwner);
        if (refused is not null)
        {
            return Outcome.Refused(refused);
        }

        var cancelled = grants.Where(g => g.ImageId == id).ToList();
        grants.RemoveAll(cancelled.Contains);
        return Outcome.SortedGrants("cancelled", cancelled);
    }

    /// <summary>May the caller launch from the image here (R26, R30, R31)?</summary>
    public Outcome Launch(AccountId caller, RegionId region, ImageId id)
    {
        var refused = CheckCaller(caller, region);
        if (refused is not null)
        {
            return Outcome.Refused(refused);
        }

        var image = FindImage(id);
        var kind = image is null ? null : SeenBy(image, caller, region);
        if (image is null || kind is null)
        {
            return Outcome.Refused(ImageNotFound);
        }

        if (image.State != ImageState.Normal)
        {
            return Outcome.Refused(InvalidImageState);
        }

        var place = FindRegion(region)!;
        return kind switch
        {
            Seen.Public => Outcome.Launch(ImageKind.Public, LaunchReason.PublicImage, image.Family == OsFamily.Windows && !place.IsChineseMainland && place.ChargesWindowsLicenceFee, Advisories.None),
            Seen.Custom => Outcome.Launch(ImageKind.Custom, LaunchReason.Owner, charged: false, Advisories.None),
            _ => Outcome.Launch(ImageKind.Shared, LaunchReason.ShareGrant, charged: false, Advisories.UntrustedSource),
        };
    }

    /// <summary>The images the caller sees in a region (R2–R5), of one kind or all, one image or all, newest first, one page.</summary>
    public Outcome Describe(AccountId caller, RegionId region, ImageKind? kind, int? offset, int? limit, ImageId? only = null)
    {
        var skip = offset ?? 0;
        var take = limit ?? 20;
        var refused = (skip < 0 ? InvalidValue : null)
            ?? (take < 1 || take > 100 ? PageLimit : null)
            ?? CheckCaller(caller, region);
        if (refused is not null)
        {
            return Outcome.Refused(refused);
        }

        var seen = new List<(ModelImage Image, ImageKind Kind)>();
        foreach (var image in images)
        {
            if (SeenBy(image, caller, region) is { } how && (kind is null || kind == KindOf(how)) && (only is null || only == image.Id))
            {
                seen.Add((image, KindOf(how)));
            }
        }

        var page = seen
            .OrderByDescending(s => s.Image.CreatedAt)
            .ThenBy(s => s.Image.Id.Value, StringComparer.Ordinal)
            .Skip(skip)
            .Take(take)
            .Select(s => Outcome.Listed(s.Image.Id, s.Kind, s.Image.Owner, s.Image.State, s.Image.Name, s.Image.Description, s.Image.Family, s.Image.Architecture, s.Image.SizeGiB));
        return Outcome.Listing(page, seen.Count);
    }

    /// <summary>The grants of an image as the caller may see them (R27).</summary>
    public Outcome Permissions(AccountId caller, RegionId region, ImageId id)
    {
        var refused = CheckCaller(caller, region);
        if (refused is not null)
        {
            return Outcome.Refused(refused);
        }

        var image = FindImage(id);
        var kind = image is null ? null : SeenBy(image, caller, region);
        return kind switch
        {
            null => Outcome.Refused(ImageNotFound),
            Seen.Custom => Outcome.SortedGrants("grants", grants.Where(g => g.ImageId == id)),
            Seen.Shared => Outcome.SortedGrants("grants", grants.Where(g => g.ImageId == id && g.Recipient == caller)),
            _ => Outcome.SortedGrants("grants", []),
        };
    }

    /// <summary>How much of its quota the caller uses in a region (R11).</summary>
    public Outcome Quota(AccountId caller, RegionId region)
    {
        var refused = CheckCaller(caller, region);
        return refused is not null ? Outcome.Refused(refused) : Outcome.Quota(images.Count(i => i.Owner == caller && i.Region == region), maxImagesPerRegion);
    }

    private static ImageKind KindOf(Seen seen) => seen switch
    {
        Seen.Public => ImageKind.Public,
        Seen.Custom => ImageKind.Custom,
        _ => ImageKind.Shared,
    };

    /// <summary>R3–R5: public images for everyone, custom ones for the owner and for holders of a grant, and only in the image's own region.</summary>
    private Seen? SeenBy(ModelImage image, AccountId viewer, RegionId region)
    {
        if (image.Region != region)
        {
            return null;
        }

        if (image.Owner is null)
        {
            return Seen.Public;
        }

        if (image.Owner == viewer)
        {
            return Seen.Custom;
        }

        return grants.Exists(g => g.ImageId == image.Id && g.Recipient == viewer) ? Seen.Shared : null;
    }

    /// <summary>Every operation is made by a known account in a known region (R7).</summary>
    private string? CheckCaller(AccountId caller, RegionId region) =>
        !accounts.Exists(a => a.Id == caller) ? AccountNotFound
        : FindRegion(region) is null ? RegionNotFound
        : null;

    /// <summary>
    /// The image, when the caller owns it (R13). One it cannot see is not found (R6); a public one is not its own;
    /// a recipient gets <paramref name="recipientRefusal"/> (R25).
    /// </summary>
    private (ModelImage? Image, string? Refused) OwnedImage(AccountId caller, RegionId region, ImageId id, string recipientRefusal)
    {
        var refused = CheckCaller(caller, region);
        if (refused is not null)
        {
            return (null, refused);
        }

        var image = FindImage(id);
        return (image is null ? null : SeenBy(image, caller, region)) switch
        {
            Seen.Custom => (image, null),
            Seen.Shared => (image, recipientRefusal),
            Seen.Public => (image, NotOwner),
            _ => (image, ImageNotFound),
        };
    }

    /// <summary>R14, R25 and the 2025 profile: who may copy, and to where.</summary>
    private string? CheckCopier(Seen kind, ModelImage image, RegionId target) => kind switch
    {
        Seen.Custom => target == image.Region ? RegionUnavailable : null,
        Seen.Shared => recipientsMayCopyWithinRegion && target == image.Region ? null : SharedImageModifyUnsupported,
        _ => NotOwner,
    };

    /// <summary>R12: 1–60 characters (as people count them), not blank, no control characters, no white space at either end.</summary>
    private static string? CheckName(string name)
    {
        if (name.Trim().Length == 0)
        {
            return InvalidValue;
        }

        if (name.EnumerateRunes().Count() > 60)
        {
            return TooLarge;
        }

        if (name.EnumerateRunes().Any(Rune.IsControl))
        {
            return InvalidValue;
        }

        return char.IsWhiteSpace(name[0]) || char.IsWhiteSpace(name[^1]) ? InvalidValue : null;
    }

    /// <summary>R12: descriptions of at most 256 characters.</summary>
    private static string? CheckDescription(string description) =>
        description.EnumerateRunes().Count() > 256 ? TooLarge : null;

    /// <summary>R12 then R11: the name is free among the owner's images in the region, and the quota has room.</summary>
    private string? CheckRoom(AccountId owner, RegionId region, string name)
    {
        var owned = images.Where(i => i.Owner == owner && i.Region == region).ToList();
        if (owned.Exists(i => i.Name == name))
        {
            return DuplicateName;
        }

        return owned.Count >= maxImagesPerRegion ? QuotaExceeded : null;
    }

    /// <summary>R18, the file: in object storage of the same region, RAW/VHD/QCOW2/VMDK (ISO only when forced), at most 50 GiB, a system disk of at most 500 GiB.</summary>
    private static string? CheckImportSource(ImportSource source) => source switch
    {
        ImportSource.BucketInAnotherRegion or ImportSource.ExeFile => UrlError,
        ImportSource.IsoNotForced => IsoByForce,
        ImportSource.FileOver50GiB or ImportSource.DiskOver500GiB => TooLarge,
        _ => null,
    };

    /// <summary>R18, the system: a listed Linux or Windows Server 2008/2012/2016, on i386 or x86_64.</summary>
    private static string? CheckImportSystem(ImportSystem system) => system switch
    {
        ImportSystem.FreeBsd => OsTypeUnsupported,
        ImportSystem.WindowsServer2003 => OsVersionUnsupported,
        ImportSystem.DebianOnArm64 => InvalidValue,
        _ => null,
    };

    /// <summary>R21–R23, for each account in order: not oneself, known, root, of the owner's home region, not holding a grant already.</summary>
    private string? CheckRecipients(ModelImage image, IReadOnlyList<AccountId> recipients)
    {
        var owner = accounts.Find(a => a.Id == image.Owner)!;
        var holders = grants.Where(g => g.ImageId == image.Id).Select(g => g.Recipient).ToList();
        foreach (var recipient in recipients)
        {
            var account = accounts.Find(a => a.Id == recipient);
            var refused = recipient == owner.Id ? YourSelf
                : account is null ? AccountNotFound
                : account.Kind != AccountKind.Root ? NotMaster
                : account.HomeRegion != owner.HomeRegion ? UnsupportedRegion
                : holders.Contains(recipient) ? AlreadyShared
                : null;
            if (refused is not null)
            {
                return refused;
            }

            holders.Add(recipient);
        }

        return null;
    }

    private ModelImage? FindImage(ImageId id) => images.Find(i => i.Id == id);

    private Region? FindRegion(RegionId id) => regions.Find(r => r.Id == id);

    private ModelImage Add(ModelImage image)
    {
        images.Add(image);
        idsEverUsed.Add(image.Id);
        return image;
    }

    /// <summary>An image as the model keeps it: only what the rules read or a viewer sees.</summary>
    private sealed class ModelImage(ImageId id, AccountId? owner, RegionId region, string name, string description, ImageState state, OsFamily family, Architecture architecture, int sizeGiB, DateTimeOffset createdAt)
    {
        public ImageId Id { get; } = id;

        public AccountId? Owner { get; } = owner;

        public RegionId Region { get; } = region;

        public string Name { get; set; } = name;

        public string Description { get; set; } = description;

        public ImageState State { get; set; } = state;

        public OsFamily Family { get; } = family;

        public Architecture Architecture { get; } = architecture;

        public int SizeGiB { get; } = sizeGiB;

        public DateTimeOffset CreatedAt { get; } = createdAt;
    }
}
