using System.Collections.Immutable;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Policy;

/// <summary>The engine under test under each profile, and the facts the policy tests hand it besides <see cref="Sample"/>.</summary>
public static class Engine
{
    /// <summary>The seed profile (RULES.md defaults).</summary>
    public static readonly ImagePolicy Seed = new();

    /// <summary>The Provider 2025 preset.</summary>
    public static readonly ImagePolicy Provider2025 = new(new ImageRulesOptions { Profile = ImageRulesProfile.Provider2025 });

    /// <summary>The id a new image gets when the policy allows it.</summary>
    public static readonly ImageId NewImageId = new("img-new00001");

    /// <summary>
    /// The facts of one decision, at <see cref="Sample.Now"/> with <see cref="NewImageId"/> for a new image: who calls
    /// and where, the image and its grants, the catalogue written, a copy's target region, and the accounts that exist
    /// (the sample accounts unless given).
    /// </summary>
    public static ImageFacts Facts(
        Account? caller,
        Region? region,
        Image? image = null,
        IEnumerable<ShareGrant>? grants = null,
        IEnumerable<Image>? catalogue = null,
        Region? target = null,
        IEnumerable<Account>? accounts = null) => new()
        {
            Caller = caller,
            Region = region,
            Image = image,
            Grants = [.. grants ?? []],
            Catalogue = [.. catalogue ?? []],
            TargetRegion = target,
            Accounts = Known(accounts ?? Sample.Accounts),
            Now = Sample.Now,
            NewImageId = NewImageId,
        };

    /// <summary>
    /// <paramref name="image"/> as made at <see cref="Sample.Now"/>, the time of every decision here, so a state in
    /// progress is still within the transition timeout (R37) and means what it says.
    /// </summary>
    public static Image JustMade(Image image) => image with { CreatedAt = Sample.Now };

    /// <summary>Options that differ from the seed profile only as <paramref name="change"/> sets them.</summary>
    public static ImageRulesOptions Options(Action<ImageRulesOptions> change)
    {
        var options = new ImageRulesOptions();
        change(options);
        return options;
    }

    /// <summary>A policy under the seed profile changed as <paramref name="change"/> says.</summary>
    public static ImagePolicy With(Action<ImageRulesOptions> change) => new(Options(change));

    /// <summary>The sample account with <paramref name="id"/>.</summary>
    public static Account AccountOf(AccountId id) =>
        Sample.Accounts.FirstOrDefault(a => a.Id == id)
        ?? throw new ArgumentOutOfRangeException(nameof(id), id, "not a sample account");

    /// <summary>The sample region with <paramref name="id"/>.</summary>
    public static Region RegionOf(RegionId id) => Sample.Regions.Single(r => r.Id == id);

    /// <summary>The <paramref name="n"/>th of many extra root accounts of <paramref name="region"/>, for limits on recipients.</summary>
    public static Account RootOf(Region region, int n) => new(new AccountId($"5{n:D9}"), region.Id);

    /// <summary><paramref name="count"/> extra root accounts of <paramref name="region"/>.</summary>
    public static IReadOnlyList<Account> RootsOf(Region region, int count) => [.. Enumerable.Range(1, count).Select(n => RootOf(region, n))];

    /// <summary>The accounts that exist, by id, as the share decision wants them.</summary>
    public static ImmutableDictionary<AccountId, Account> Known(IEnumerable<Account> accounts) => accounts.ToImmutableDictionary(a => a.Id);

    /// <summary>The sample accounts and <paramref name="extra"/>.</summary>
    public static IEnumerable<Account> SamplesAnd(IEnumerable<Account> extra) => Sample.Accounts.Concat(extra);
}
