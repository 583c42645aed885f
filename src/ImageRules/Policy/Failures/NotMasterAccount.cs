using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>Images are shared with root accounts only, never with a collaborator (sub-)account (R23).</summary>
/// <remarks>Code <c>FailedOperation.NotMasterAccount</c>.</remarks>
/// <param name="Account">The collaborator account.</param>
public sealed record NotMasterAccount(AccountId Account) : Failure
{
    /// <summary>The provider's error code for this failure.</summary>
    public const string ErrorCode = "FailedOperation.NotMasterAccount";

    /// <inheritdoc/>
    public override string Code => ErrorCode;

    /// <inheritdoc/>
    public override string Rule => "R23";

    /// <inheritdoc/>
    public override string Message => $"account `{Account}` is a collaborator account: images are shared with root accounts only";
}
