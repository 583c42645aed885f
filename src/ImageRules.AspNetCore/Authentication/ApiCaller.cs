using ImageRules.Domain;

namespace ImageRules.AspNetCore.Authentication;

/// <summary>Who sent an authenticated request: the account it acts for and the key that signed it.</summary>
/// <param name="Account">The account the request acts for.</param>
/// <param name="SecretId">The secret id of the key that signed it.</param>
internal sealed record ApiCaller(AccountId Account, string SecretId);
