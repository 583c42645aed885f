using FsCheck;
using FsCheck.Fluent;
using ImageRules.Domain;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Policy;

/// <summary>Generators for the policy properties, over the sample regions and accounts so that cases collide often.</summary>
public static class PolicyArbitraries
{
    /// <summary>Root accounts of Guangzhou beyond the samples: more valid recipients for Alice.</summary>
    public static readonly IReadOnlyList<Account> ExtraRoots = Engine.RootsOf(Sample.Guangzhou, 12);

    /// <summary>An account id that no account has.</summary>
    public static readonly AccountId Unknown = new("9999999999");

    private static readonly string[] ImageIds = ["img-prop0001", "img-prop0002"];

    private static readonly Account[] Accounts = [.. Sample.Accounts];

    private static readonly Region[] Regions = [.. Sample.Regions];

    private static readonly ImageOperatingSystem[] Systems = [Sample.TencentOs, Sample.Ubuntu, Sample.WindowsServer];

    /// <summary>Situations where an account looks at an image; see <see cref="Situation"/>.</summary>
    public static Arbitrary<Situation> Situations() => Arb.From(
        from image in Images()
        from caller in Gen.Elements(Accounts)
        from region in Gen.Frequency<Region>((3, Gen.Constant(RegionOf(image))), (1, Gen.Elements(Regions)))
        from grant in Grants(image, caller)
        select new Situation(image, caller, region, grant));

    /// <summary>Alice's share requests; see <see cref="ShareAttempt"/>.</summary>
    public static Arbitrary<ShareAttempt> ShareAttempts()
    {
        Account[] holdable = [Sample.Bob, Sample.Carol, .. ExtraRoots];
        AccountId[] bad = [Sample.Alice.Id, Sample.Helper.Id, Sample.Sam.Id, Unknown];
        var recipient = Gen.Frequency((8, Gen.Elements(holdable.Select(a => a.Id))), (1, Gen.Elements(bad)));
        return Arb.From(
            from holders in Gen.SubListOf(holdable.Take(4))
            from count in Gen.Choose(0, 4)
            from recipients in recipient.ListOf(count)
            from room in Gen.Choose(0, 4)
            select new ShareAttempt(holders, recipients, Math.Max(1, holders.Count + room)));
    }

    /// <summary>The sample region with <paramref name="image"/>'s id.</summary>
    public static Region RegionOf(Image image) => Sample.Regions.Single(r => r.Id == image.Region);

    private static Gen<Image> Images() =>
        from id in Gen.Elements(ImageIds)
        from isPublic in Gen.Frequency((1, Gen.Constant(true)), (3, Gen.Constant(false)))
        from owner in Gen.Elements(Accounts)
        from region in Gen.Elements(Regions)
        from state in Gen.Frequency((3, Gen.Constant(ImageState.Normal)), (2, Gen.Elements(Enum.GetValues<ImageState>())))
        from os in Gen.Elements(Systems)
        select isPublic
            ? Sample.PublicImage(region, id, os, state)
            : Sample.CustomImage(owner, region, id, state: state) with { OperatingSystem = os };

    /// <summary>No grant, the proper grant of <paramref name="caller"/> for a custom image, or a grant with arbitrary fields.</summary>
    private static Gen<ShareGrant?> Grants(Image image, Account caller)
    {
        ShareGrant? proper = image.Owner is { } owner ? new ShareGrant(image.Id, owner, caller.Id, image.Region, Sample.Now) : null;
        var arbitrary =
            from id in Gen.Elements(ImageIds)
            from grantor in Gen.Elements(Accounts)
            from recipient in Gen.Elements(Accounts)
            from region in Gen.Elements(Regions)
            select (ShareGrant?)new ShareGrant(new ImageId(id), grantor.Id, recipient.Id, region.Id, Sample.Now);
        return Gen.Frequency<ShareGrant?>((2, Gen.Constant<ShareGrant?>(null)), (2, Gen.Constant(proper)), (1, arbitrary));
    }
}
