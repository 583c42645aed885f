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
    public static readonly ImagePolicy Provider2025 = new(ImageRulesOptions.Provider2025);

    /// <summary>The identity a new image gets when the policy allows it.</summary>
    public static readonly NewImage NextImage = new(new ImageId("img-new00001"), Sample.Now);

    /// <summary>The <paramref name="n"/>th of many extra root accounts of <paramref name="region"/>, for limits on recipients.</summary>
    public static Account RootOf(Region region, int n) => new(new AccountId($"5{n:D9}"), region.Id);

    /// <summary><paramref name="count"/> extra root accounts of <paramref name="region"/>.</summary>
    public static IReadOnlyList<Account> RootsOf(Region region, int count) => [.. Enumerable.Range(1, count).Select(n => RootOf(region, n))];

    /// <summary>The accounts that exist, by id, as the share decision wants them.</summary>
    public static Dictionary<AccountId, Account> Known(IEnumerable<Account> accounts) => accounts.ToDictionary(a => a.Id);

    /// <summary>The sample accounts and <paramref name="extra"/>, by id.</summary>
    public static Dictionary<AccountId, Account> KnownWith(IEnumerable<Account> extra) => Known(Sample.Accounts.Concat(extra));
}
