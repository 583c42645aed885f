using ImageRules.Domain;

namespace ImageRules.Policy;

/// <summary>How much of its custom-image quota (R11) an account uses in one region.</summary>
/// <param name="Account">The account.</param>
/// <param name="Region">The region.</param>
/// <param name="Used">Custom images it owns there, in every state.</param>
/// <param name="Limit">The most it may own there.</param>
public sealed record QuotaUsage(AccountId Account, RegionId Region, int Used, int Limit)
{
    /// <summary>How many more it may create, copy or import there.</summary>
    public int Remaining => Math.Max(0, Limit - Used);
}
