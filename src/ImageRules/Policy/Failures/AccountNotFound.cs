using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>No such account (a malformed account id is answered the same way, R7, R23), or, when <see cref="GrantedImage"/> is set, the account holds no grant of that image to cancel (R24).</summary>
/// <remarks>Code <c>InvalidAccountId.NotFound</c>; rules R7, R23, R24.</remarks>
public sealed class AccountNotFound : Failure
{
    /// <summary>Makes the failure.</summary>
    /// <param name="accountId">The account id given.</param>
    /// <param name="grantedImage">The image whose grant was to be cancelled; null when the account itself is unknown.</param>
    public AccountNotFound(string? accountId, ImageId? grantedImage = null)
        : base("InvalidAccountId.NotFound")
    {
        AccountId = accountId;
        GrantedImage = grantedImage;
    }

    /// <summary>The account id given.</summary>
    public string? AccountId { get; }

    /// <summary>The image whose grant was to be cancelled; null when the account itself is unknown.</summary>
    public ImageId? GrantedImage { get; }

    private protected override object? Fields => (AccountId, GrantedImage);

    private protected override string Describe() => GrantedImage is { } image ? $"account {IdSyntax.Quote(AccountId)} holds no grant of image `{image}`" : $"account {IdSyntax.Quote(AccountId)} not found";
}
