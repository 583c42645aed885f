using System.Text;
using Ardalis.GuardClauses;
using ImageRules.Domain;

namespace ImageRules.AspNetCore.Authentication;

/// <summary>
/// One API key of the provider's image API: the <see cref="SecretId"/> a request names in its <c>Authorization</c>
/// header, the <see cref="SecretKey"/> it is signed with, the <see cref="Account"/> it acts for and, for a temporary
/// key, the <see cref="SessionToken"/> it must carry as <c>X-TC-Token</c>.
/// </summary>
/// <remarks>
/// Immutable and validated once, when made. Equality compares every member. <see cref="ToString"/> shows neither the
/// secret key nor the session token, so a credential can be logged.
/// </remarks>
public sealed record ApiCredential
{
    /// <summary>Makes a credential.</summary>
    /// <param name="secretId">The key's id, such as <c>AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE</c>.</param>
    /// <param name="secretKey">The key's secret.</param>
    /// <param name="account">The account that requests signed with this key act for.</param>
    /// <param name="sessionToken">The token of a temporary key, or <see langword="null"/> for a permanent one.</param>
    /// <exception cref="ArgumentException">
    /// An id or secret is empty or white space, the id holds a character that cannot appear in a signature's
    /// credential (<c>/</c>, <c>,</c> or white space), the account is <c>default</c>, or the token is empty.
    /// </exception>
    public ApiCredential(string secretId, string secretKey, AccountId account, string? sessionToken = null)
    {
        Guard.Against.NullOrWhiteSpace(secretId);
        Guard.Against.InvalidInput(secretId, nameof(secretId), id => id.AsSpan().IndexOfAny(CredentialSeparators) < 0,
            $"secret id `{secretId}` holds a character that cannot appear in a signature's credential");
        Guard.Against.NullOrWhiteSpace(secretKey);
        Guard.Against.InvalidInput(account, nameof(account), a => a.Value is not null, "the account is `default(AccountId)`");
        if (sessionToken is not null) Guard.Against.NullOrWhiteSpace(sessionToken);
        SecretId = secretId;
        SecretKey = secretKey;
        Account = account;
        SessionToken = sessionToken;
    }

    /// <summary>The key's id, sent in clear in every request's <c>Authorization</c> header.</summary>
    public string SecretId { get; }

    /// <summary>The key's secret: never sent, only used to sign.</summary>
    public string SecretKey { get; }

    /// <summary>The account that requests signed with this key act for.</summary>
    public AccountId Account { get; }

    /// <summary>The token a temporary key's requests carry as <c>X-TC-Token</c>; <see langword="null"/> for a permanent key.</summary>
    public string? SessionToken { get; }

    private static readonly System.Buffers.SearchValues<char> CredentialSeparators =
        System.Buffers.SearchValues.Create("/, \t\r\n");

    // Keeps the secret key and token out of logs and exception messages.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("SecretId = ").Append(SecretId)
            .Append(", Account = ").Append(Account.Value)
            .Append(", Temporary = ").Append(SessionToken is not null);
        return true;
    }
}
