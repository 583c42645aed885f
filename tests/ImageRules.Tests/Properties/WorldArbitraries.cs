using System.Collections.Immutable;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Properties;

/// <summary>
/// The generators of the property tests: valid <see cref="World"/>s, <see cref="Script"/>s of up to 100 operations on
/// them (including operations by the wrong account, in the wrong region and on unknown ids), and hostile text.
/// </summary>
/// <remarks>
/// FsCheck takes every public static method here that returns an <c>Arbitrary</c> as the arbitrary of its type; the
/// generators that take arguments return <c>Gen</c> and are wrapped where they are used.
/// </remarks>
public static class WorldArbitraries
{
    /// <summary>The most operations in one script.</summary>
    public const int MaxSteps = 100;

    private static readonly ImageState[] States = Enum.GetValues<ImageState>();

    /// <summary>Valid names, some of them at the length limit in UTF-16 units or in characters.</summary>
    private static readonly string[] ValidNames =
        ["web", "db", "web-v2", "build 2026-11", "镜像-生产", "🚀 rocket", new('a', 60), string.Concat(Enumerable.Repeat("🚀", 60))];

    /// <summary>Names with exactly one fault each (R12).</summary>
    private static readonly string[] InvalidNames =
        ["", "   ", new('a', 61), string.Concat(Enumerable.Repeat("🚀", 61)), " web", "web ", "web\tserver", "we\u0000b"];

    /// <summary>Scripts under every profile (<see cref="Profile.All"/>), shrunk by dropping operations.</summary>
    public static Arbitrary<Script> Scripts() => Arb.From(Gen.Elements(Profile.All.ToArray()).SelectMany(ScriptsUnder), Shrink);

    /// <summary>Hostile text for any parameter: empty, blank, very long, unicode, control characters, near-miss ids, random.</summary>
    public static Arbitrary<HostileText> HostileTexts() => Arb.From(AnyHostileText());

    /// <summary>Scripts under <paramref name="profile"/>.</summary>
    public static Gen<Script> ScriptsUnder(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return from world in Worlds(profile.Policy())
               from steps in Steps(world)
               select new Script(profile, world, steps);
    }

    /// <summary>
    /// Smaller scripts of the same world: without the first or second half of the steps, then without one step,
    /// from the last to the first.
    /// </summary>
    public static IEnumerable<Script> Shrink(Script script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var steps = script.Steps;
        if (steps.Length > 1)
        {
            yield return script with { Steps = steps[..(steps.Length / 2)] };
            yield return script with { Steps = steps[(steps.Length / 2)..] };
        }

        for (var i = steps.Length - 1; i >= 0; i--)
        {
            yield return script with { Steps = steps.RemoveAt(i) };
        }
    }

    /// <summary>
    /// Valid worlds within <paramref name="limits"/>: 3–5 regions (mainland or not, some without copy or import, with
    /// or without a licence fee), 3–6 accounts (root or collaborator, most at home in the first region), public images
    /// in any state, custom images in any state (often a nearly full quota for the main account at home), and grants
    /// of the <c>Normal</c> ones.
    /// </summary>
    public static Gen<World> Worlds(ImagePolicy limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return from regions in Regions()
               from accounts in AccountsOf(regions)
               from publics in PublicImagesIn(regions)
               from customs in CustomImagesOf(regions, accounts, limits.MaxCustomImagesPerRegion)
               from grants in GrantsOf(customs, accounts, limits.MaxShareRecipientsPerImage)
               select new World(regions, accounts, [.. publics, .. customs], grants);
    }

    /// <summary>
    /// Up to <see cref="MaxSteps"/> operations on <paramref name="world"/>, most scripts long: single operations
    /// mixed with short life cycles of one new image.
    /// </summary>
    public static Gen<ImmutableArray<Operation>> Steps(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var episodes = Gen.Frequency((10, Operations(world).Select(step => new[] { step })), (3, LifeCycles(world)));
        return from length in Gen.Frequency((1, Gen.Choose(1, 20)), (3, Gen.Choose(21, MaxSteps)))
               from steps in Gen.ArrayOf(episodes, length)
               select steps.SelectMany(episode => episode).Take(length).ToImmutableArray();
    }

    /// <summary>
    /// An account creates an image in its home region, the platform completes it, the owner shares it with a list
    /// of accounts, and then the owner or a recipient works with it: launches, copies (a recipient within the region,
    /// which the 2025 profile allows), cancels sharing with the same list or all, deletes.
    /// </summary>
    public static Gen<Operation[]> LifeCycles(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var newest = ImageRef.Made(0);
        var owner = Who.ImageOwner;
        var here = Where.ImageRegion;
        return from who in Callers(world)
               from name in Gen.Choose(1, 12).Select(NumberedName)
               from count in Gen.Choose(1, 3)
               from recipients in Gen.ArrayOf(Recipients(world), count)
               let list = recipients.ToImmutableArray()
               let recipient = new Who(recipients[0])
               from then in Gen.ArrayOf(
                   Gen.Frequency(
                       (3, Gen.Constant((Operation)new LaunchInstance(recipient, here, newest))),
                       (3, Gen.Constant((Operation)new CopyImage(recipient, here, newest, world.HomeOf(who), "copy"))),
                       (2, RegionsOf(world).Select(target => (Operation)new CopyImage(owner, here, newest, target, null))),
                       (3, Gen.Constant((Operation)new CancelSharing(owner, here, newest, list))),
                       (1, Gen.Constant((Operation)new CancelAllSharing(owner, here, newest))),
                       (2, Gen.Constant((Operation)new DeleteImage(owner, here, newest))),
                       (1, Gen.Constant((Operation)new ShareImage(recipient, here, newest, [who])))),
                   2)
               select (Operation[])[
                   new CreateImage(who, world.HomeOf(who), name, string.Empty, Windows: false),
                   new CompleteImage(newest, Succeeded: true),
                   new ShareImage(owner, here, newest, list),
                   .. then];
    }

    /// <summary>
    /// One operation on <paramref name="world"/>: mostly by the main account, on one of the newest images, in its
    /// region; sometimes by another or an unknown account, in another or an unknown region, on an image of the world
    /// or one that never existed.
    /// </summary>
    public static Gen<Operation> Operations(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var caller = Callers(world);
        var actor = Gen.Frequency((14, Gen.Constant(Who.ImageOwner)), (4, caller.Select(c => new Who(c))));
        var image = ImageRefs(world);
        var places = Gen.Frequency((14, Gen.Constant(Where.ImageRegion)), (1, RegionsOf(world).Select(r => new Where(r))));
        var recipients = from count in Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Constant(1)), (3, Gen.Constant(2)), (1, Gen.Constant(3)))
                         from list in Gen.ArrayOf(Recipients(world), count)
                         select list.ToImmutableArray();
        var names = Gen.Frequency((4, Gen.Elements(ValidNames)), (5, Gen.Choose(1, 12).Select(NumberedName)), (1, Gen.Elements(InvalidNames)));
        var descriptions = Gen.Frequency((6, Gen.Constant(string.Empty)), (3, Gen.Constant("nightly build")), (1, Gen.Constant(new string('d', 256))), (1, Gen.Constant(new string('d', 257))));
        var optionalNames = Gen.Frequency((3, Gen.Constant<string?>(null)), (2, names.Select(n => (string?)n)));
        var optionalDescriptions = Gen.Frequency((1, Gen.Constant<string?>(null)), (1, descriptions.Select(d => (string?)d)));
        var bools = Gen.Elements(true, false);
        return Gen.Frequency(
            (14, from who in caller
                 from region in Gen.Frequency((3, Gen.Constant(world.HomeOf(who))), (2, RegionsOf(world)))
                 from name in names
                 from description in descriptions
                 from windows in bools
                 select (Operation)new CreateImage(who, region, name, description, windows)),
            (4, from who in caller
                from region in Gen.Frequency((3, Gen.Constant(world.HomeOf(who))), (2, RegionsOf(world)))
                from name in names
                from source in Gen.Frequency((6, Gen.Elements(ImportSource.Qcow2, ImportSource.Vmdk, ImportSource.IsoForced)), (4, Gen.Elements(Enum.GetValues<ImportSource>())))
                from system in Gen.Frequency((6, Gen.Elements(ImportSystem.CentOS79, ImportSystem.Ubuntu2204On32Bit, ImportSystem.WindowsServer2016)), (3, Gen.Elements(Enum.GetValues<ImportSystem>())))
                select (Operation)new ImportImage(who, region, name, source, system)),
            (16, from target in image
                 from succeeded in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
                 select (Operation)new CompleteImage(target, succeeded)),
            (8, from who in actor
                from at in places
                from target in image
                from destination in RegionsOf(world)
                from name in optionalNames
                select (Operation)new CopyImage(who, at, target, destination, name)),
            (6, from who in actor
                from at in places
                from target in image
                from name in optionalNames
                from description in optionalDescriptions
                select (Operation)new ModifyImage(who, at, target, name, description)),
            (12, from who in actor
                 from at in places
                 from target in image
                 from list in recipients
                 select (Operation)new ShareImage(who, at, target, list)),
            (5, from who in actor
                from at in places
                from target in image
                from list in recipients
                select (Operation)new CancelSharing(who, at, target, list)),
            (3, from who in actor
                from at in places
                from target in image
                select (Operation)new CancelAllSharing(who, at, target)),
            (8, from who in actor
                from at in places
                from target in image
                select (Operation)new DeleteImage(who, at, target)),
            (4, from who in actor
                from at in places
                from target in image
                select (Operation)new LaunchInstance(who, at, target)),
            (4, from who in caller
                from region in RegionsOf(world)
                from kind in Gen.Frequency((4, Gen.Constant<ImageKind?>(null)), (3, Gen.Elements(Enum.GetValues<ImageKind>()).Select(k => (ImageKind?)k)))
                from offset in Gen.Frequency((6, Gen.Constant<int?>(null)), (2, Gen.Choose(0, 3).Select(o => (int?)o)), (1, Gen.Constant<int?>(-1)))
                from limit in Gen.Frequency((4, Gen.Constant<int?>(null)), (2, Gen.Choose(1, 5).Select(l => (int?)l)), (1, Gen.Elements<int?>(0, 100, 101)))
                from only in Gen.Frequency((2, Gen.Constant<ImageRef?>(null)), (1, image.Select(i => (ImageRef?)i)))
                select (Operation)new DescribeImages(who, region, kind, offset, limit, only)),
            (3, from who in actor
                from at in places
                from target in image
                select (Operation)new DescribeSharePermissions(who, at, target)),
            (1, from who in caller
                from region in RegionsOf(world)
                select (Operation)new GetQuota(who, region)));
    }

    /// <summary>Text that is never a valid image name (R12): blank, too long, with control characters or broken text, or with white space at an end.</summary>
    public static Gen<HostileText> InvalidImageNames() =>
        from text in Gen.OneOf(Unicode(0, 40), Unicode(1, 40).Where(t => t.Trim().Length > 0))
        from fault in Gen.Elements<Func<string, string>>(
            _ => string.Empty,
            _ => " \t\u00a0\u3000",
            t => t + string.Concat(Enumerable.Repeat("界", 61)),
            t => t + string.Concat(Enumerable.Repeat("🚀", 61)),
            t => "x" + t + "\u0007",
            t => "x\n" + t,
            t => "x" + t + "\ud800",
            t => " x" + t,
            t => "x" + t + "\u3000")
        select new HostileText(fault(text));

    /// <summary>Text that is never a valid description (R12): longer than 256 characters, of any content.</summary>
    public static Gen<HostileText> OverlongDescriptions() =>
        from text in Unicode(0, 300)
        from padding in Gen.Elements("d", "界", "🚀", "\u0001", " ")
        select new HostileText(text + string.Concat(Enumerable.Repeat(padding, 257)));

    /// <summary>Any hostile text; see <see cref="HostileTexts"/>.</summary>
    public static Gen<HostileText> AnyHostileText() =>
        Gen.Frequency(
            (1, Gen.Constant(new HostileText(null))),
            (3, Gen.Elements(
                string.Empty, " ", "\t", "\u00a0", "\u3000", "\r\n", "\0",
                "img-ABCDEFGH", "img-1234567", "img-123456789", "IMG-12345678", "img_12345678", "img-1234567\u00e9", " img-12345678", "img-12345678\n", "img-", "ins-1234567",
                "ap-", "-1", "0", "-", "--", "ap--guangzhou", "AP-GUANGZHOU", "ap-guangzhou-", "-ap-guangzhou", "ap_guangzhou", "ap-guangzhou\u0000", "ap-广州",
                "１２３４", "1e10", "+1038493875", "1038493875 ", "1038493875\n", "٣٤٥", new string('9', 21),
                "\ud800", "\udfff", "a\u200bb", "\u202eevil", "🚀", "%00", "'; DROP TABLE images; --", "null").Select(t => new HostileText(t))),
            (2, Unicode(0, 80).Select(t => new HostileText(t))),
            (1, Unicode(300, 5000).Select(t => new HostileText(t))),
            (1, ArbMap.Default.GeneratorFor<string>().Select(t => new HostileText(t))));

    /// <summary>Random text from a mix of ASCII, control characters, white space, CJK, emoji, combining marks and lone surrogates.</summary>
    private static Gen<string> Unicode(int minLength, int maxLength) =>
        from length in Gen.Choose(minLength, maxLength)
        from parts in Gen.ArrayOf(
            Gen.Frequency(
                (6, Gen.Choose('a', 'z').Select(c => ((char)c).ToString())),
                (2, Gen.Choose('0', '9').Select(c => ((char)c).ToString())),
                (1, Gen.Elements("-", "_", ".", "/", "%", "'", "\"")),
                (1, Gen.Choose(0, 31).Select(c => ((char)c).ToString())),
                (1, Gen.Elements(" ", "\u00a0", "\u2028", "\u3000", "\u200b")),
                (2, Gen.Choose(0x4e00, 0x9fff).Select(c => ((char)c).ToString())),
                (1, Gen.Elements("🚀", "👍🏽", "e\u0301", "\u202e")),
                (1, Gen.Choose(0xd800, 0xdfff).Select(c => ((char)c).ToString()))),
            length)
        select string.Concat(parts);

    private static string NumberedName(int number) => string.Create(CultureInfo.InvariantCulture, $"image-{number}");

    private static Gen<AccountId> Callers(World world) =>
        Gen.Frequency(
            (6, Gen.Constant(world.Accounts[0].Id)),
            (4, Gen.Elements(world.Accounts.Select(a => a.Id))),
            (1, Gen.Constant(World.UnknownAccount)));

    /// <summary>Mostly accounts the main account may share with (R22, R23), else any account, else an unknown one.</summary>
    private static Gen<AccountId> Recipients(World world)
    {
        var main = world.Accounts[0];
        var eligible = world.Accounts.Where(a => a.IsRoot && a != main && a.HomeRegion == main.HomeRegion).Select(a => a.Id).ToArray();
        return Gen.Frequency(
            (eligible.Length > 0 ? 6 : 0, eligible.Length > 0 ? Gen.Elements(eligible) : Gen.Constant(World.UnknownAccount)),
            (3, Gen.Elements(world.Accounts.Select(a => a.Id))),
            (1, Gen.Constant(World.UnknownAccount)));
    }

    private static Gen<RegionId> RegionsOf(World world) =>
        Gen.Frequency((10, Gen.Elements(world.Regions.Select(r => r.Id))), (1, Gen.Constant(World.UnknownRegion)));

    /// <summary>Mostly one of the newest images made, else an image of the world or one never made.</summary>
    private static Gen<ImageRef> ImageRefs(World world)
    {
        var choices = new List<(int, Gen<ImageRef>)>
        {
            (1, Gen.Constant(ImageRef.Of(ImageRef.NeverMade))),
            (12, Gen.Frequency((6, Gen.Constant(0)), (3, Gen.Constant(1)), (2, Gen.Constant(2)), (1, Gen.Choose(3, 5))).Select(ImageRef.Made)),
        };
        if (world.Images.Length > 0)
        {
            choices.Add((6, Gen.Elements(world.Images.Select(i => ImageRef.Of(i.Id)))));
        }

        return Gen.Frequency(choices);
    }

    private static Gen<ImmutableArray<Region>> Regions() =>
        from count in Gen.Choose(3, Sample.Regions.Count)
        from order in Gen.Shuffle(Sample.Regions.ToArray())
        from fees in Gen.ArrayOf(Gen.Elements(true, false), count)
        select order.Take(count).Select((region, i) => region with { ChargesWindowsLicenceFee = fees[i] }).ToImmutableArray();

    private static Gen<ImmutableArray<Account>> AccountsOf(ImmutableArray<Region> regions) =>
        from count in Gen.Choose(3, 6)
        from homes in Gen.ArrayOf(Gen.Frequency((2, Gen.Constant(regions[0].Id)), (1, Gen.Elements(regions.Select(r => r.Id)))), count)
        from kinds in Gen.ArrayOf(Gen.Frequency((4, Gen.Constant(AccountKind.Root)), (1, Gen.Constant(AccountKind.Collaborator))), count)
        select Enumerable.Range(0, count)
            .Select(i => i == 0
                ? new Account(new($"{i + 1}00000000{i + 1}"), regions[0].Id)
                : new Account(new($"{i + 1}00000000{i + 1}"), homes[i], kinds[i]))
            .ToImmutableArray();

    private static Gen<ImmutableArray<Image>> PublicImagesIn(ImmutableArray<Region> regions) =>
        from perRegion in Gen.CollectToArray(regions, region => Gen.Choose(0, 2).SelectMany(n => Gen.ArrayOf(PublicImageIn(region), n)))
        select perRegion.SelectMany(images => images)
            .Select((image, i) => image with { Id = new($"img-p{i + 1:D7}"), CreatedAt = Sample.Now.AddDays(-i - 1) })
            .ToImmutableArray();

    private static Gen<Image> PublicImageIn(Region region) =>
        from system in Gen.Elements(Sample.TencentOs, Sample.Ubuntu, Sample.WindowsServer)
        from state in Gen.Frequency((6, Gen.Constant(ImageState.Normal)), (1, Gen.Elements(States)))
        select Sample.PublicImage(region, os: system, state: state);

    /// <summary>
    /// Up to 12 images of random owners, regions and states, after up to a full quota of the main account's images in
    /// its home region, so scripts reach the quota (R11) even under the seed profile.
    /// </summary>
    private static Gen<ImmutableArray<Image>> CustomImagesOf(ImmutableArray<Region> regions, ImmutableArray<Account> accounts, int maxPerRegion) =>
        from prefilled in Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Choose(0, maxPerRegion)))
        from states in Gen.ArrayOf(Gen.Frequency((3, Gen.Constant(ImageState.Normal)), (1, Gen.Elements(States))), prefilled)
        from count in Gen.Choose(0, 12)
        from drafts in Gen.ArrayOf(CustomImageOf(regions, accounts), count)
        select states
            .Select((state, i) => Sample.CustomImage(accounts[0], regions[0], name: NumberedName(i + 1), state: state))
            .Concat(drafts)
            .DistinctBy(i => (i.Owner, i.Region, i.Name))
            .GroupBy(i => (i.Owner, i.Region))
            .SelectMany(catalogue => catalogue.Take(maxPerRegion))
            .Select((image, i) => image with { Id = new($"img-w{i + 1:D7}"), CreatedAt = Sample.Now.AddHours(-i - 1) })
            .ToImmutableArray();

    private static Gen<Image> CustomImageOf(ImmutableArray<Region> regions, ImmutableArray<Account> accounts) =>
        from owner in Gen.Frequency((2, Gen.Constant(accounts[0])), (2, Gen.Elements<Account>(accounts)))
        from region in Gen.Frequency((2, Gen.Constant(owner.HomeRegion)), (1, Gen.Elements(regions.Select(r => r.Id))))
        from name in Gen.Elements(ValidNames)
        from state in Gen.Elements(States)
        from windows in Gen.Elements(true, false)
        from architecture in Gen.Elements(Enum.GetValues<Architecture>())
        from size in Gen.Choose(20, 100)
        select Sample.CustomImage(owner, regions.First(r => r.Id == region), name: name, state: state) with
        {
            OperatingSystem = windows ? Sample.WindowsServer : Sample.TencentOs,
            Architecture = architecture,
            SizeGiB = size,
            Source = state switch
            {
                ImageState.Importing or ImageState.ImportFailed => ImageSource.Imported,
                ImageState.Syncing or ImageState.SyncFailed => ImageSource.Copied,
                _ => ImageSource.Instance,
            },
        };

    private static Gen<ImmutableArray<ShareGrant>> GrantsOf(ImmutableArray<Image> images, ImmutableArray<Account> accounts, int maxPerImage) =>
        from perImage in Gen.CollectToArray(
            images.Where(i => i.State == ImageState.Normal),
            image => Gen.SubListOf(EligibleRecipients(image, accounts).ToArray()).Select(recipients => recipients.Take(maxPerImage).Select(r => new ShareGrant(image.Id, image.Owner!.Value, r.Id, image.Region, Sample.Now))))
        select perImage.SelectMany(grants => grants).ToImmutableArray();

    /// <summary>R22, R23: root accounts of the owner's home region other than the owner.</summary>
    private static List<Account> EligibleRecipients(Image image, ImmutableArray<Account> accounts)
    {
        var owner = accounts.First(a => a.Id == image.Owner);
        return [.. accounts.Where(a => a.IsRoot && a.Id != owner.Id && a.HomeRegion == owner.HomeRegion)];
    }
}
