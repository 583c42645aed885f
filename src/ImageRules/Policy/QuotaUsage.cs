using ImageRules.Domain;

namespace ImageRules.Policy;

/// <summary>How much of its custom-image quota (R11) an account uses in one region.</summary>
public sealed record QuotaUsage
{
    /// <summary>Made by the policy only: a usage is an answer, never an input.</summary>
    /// <param name="account">The account.</param>
    /// <param name="region">The region.</param>
    /// <param name="used">Custom images it owns there, in every state.</param>
    /// <param name="limit">The most it may own there.</param>
    internal QuotaUsage(AccountId account, RegionId region, int used, int limit)
    {
        Account = account;
        Region = region;
        Used = used;
        Limit = limit;
    }

    /// <summary>The account.</summary>
    public AccountId Account { get; }

    /// <summary>The region.</summary>
    public RegionId Region { get; }

    /// <summary>Custom images it owns there, in every state.</summary>
    public int Used { get; }

    /// <summary>The most it may own there.</summary>
    public int Limit { get; }

    /// <summary>How many more it may create, copy or import there.</summary>
    public int Remaining => Math.Max(0, Limit - Used);
}
