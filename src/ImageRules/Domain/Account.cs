namespace ImageRules.Domain;

/// <summary>An account of the provider: who owns, shares and launches images.</summary>
/// <remarks>Immutable; value equality.</remarks>
/// <param name="Id">The account id, a string of digits.</param>
/// <param name="HomeRegion">The region the account belongs to; shares go only to accounts of the owner's home region (R22).</param>
/// <param name="Kind">Root or collaborator; only root accounts receive shares (R23).</param>
public sealed record Account(AccountId Id, RegionId HomeRegion, AccountKind Kind = AccountKind.Root)
{
    /// <summary>True for a root account.</summary>
    public bool IsRoot => Kind == AccountKind.Root;
}
