using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>The recipient is a collaborator (sub-)account: only root accounts receive shares (R23).</summary>
/// <remarks>Code <c>FailedOperation.NotMasterAccount</c>; rules R23.</remarks>
public sealed class NotMasterAccount : Failure
{
    /// <summary>Makes the failure.</summary>
    /// <param name="accountId">The recipient.</param>
    public NotMasterAccount(AccountId accountId)
        : base("FailedOperation.NotMasterAccount")
    {
        AccountId = accountId;
    }

    /// <summary>The recipient.</summary>
    public AccountId AccountId { get; }

    private protected override object? Fields => AccountId;

    private protected override string Describe() => $"account `{AccountId}` is not a root account and cannot receive shares";
}
