using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>The owner named itself as a recipient (R23).</summary>
/// <remarks>Code <c>InvalidAccountIs.YourSelf</c>; rules R23.</remarks>
public sealed class ShareWithSelf : Failure
{
    /// <summary>Makes the failure.</summary>
    /// <param name="accountId">The owner's id.</param>
    public ShareWithSelf(AccountId accountId)
        : base("InvalidAccountIs.YourSelf")
    {
        AccountId = accountId;
    }

    /// <summary>The owner's id.</summary>
    public AccountId AccountId { get; }

    private protected override object? Fields => AccountId;

    private protected override string Describe() => $"account `{AccountId}` cannot share an image with itself";
}
