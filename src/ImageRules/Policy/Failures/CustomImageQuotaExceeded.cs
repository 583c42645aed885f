using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>The account already has the most custom images allowed in the region (R11; a copy counts in its target region, R14). Images in every state count until deleted; images shared with the account do not.</summary>
/// <remarks>Code <c>ImageQuotaLimitExceeded</c>; rules R11, R14.</remarks>
public sealed class CustomImageQuotaExceeded : Failure
{
    /// <summary>Makes the failure.</summary>
    /// <param name="owner">The account whose quota is full.</param>
    /// <param name="region">The region of the quota.</param>
    /// <param name="limit">The limit in force (seed 10, Provider 2025 500).</param>
    public CustomImageQuotaExceeded(AccountId owner, RegionId region, int limit)
        : base("ImageQuotaLimitExceeded")
    {
        Owner = owner;
        Region = region;
        Limit = limit;
    }

    /// <summary>The account whose quota is full.</summary>
    public AccountId Owner { get; }

    /// <summary>The region of the quota.</summary>
    public RegionId Region { get; }

    /// <summary>The limit in force (seed 10, Provider 2025 500).</summary>
    public int Limit { get; }

    private protected override object? Fields => (Owner, Region, Limit);

    private protected override string Describe() => $"account `{Owner}` already has {Limit} custom images in region `{Region}`, the limit";
}
