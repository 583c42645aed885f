using ImageRules.Domain;

namespace ImageRules.Benchmarks;

/// <summary>An image as the launch benchmarks index it by id: with who holds a grant for it, as a set and as grants.</summary>
/// <param name="Image">The image.</param>
/// <param name="Recipients">The accounts holding a grant: what the floor and the peer test membership in.</param>
/// <param name="Grants">The grants by recipient: what the engine is given.</param>
internal sealed record LaunchEntry(Image Image, HashSet<AccountId> Recipients, Dictionary<AccountId, ShareGrant> Grants)
{
    /// <summary>
    /// The caller's grant, looked up only when the image is another account's and in the region asked (a grant holds
    /// nowhere else, R5), as <c>ImageService</c> does.
    /// </summary>
    public ShareGrant? GrantFor(AccountId caller, RegionId region) =>
        Image.Owner is not { } owner || owner == caller || Image.Region != region ? null : Grants.GetValueOrDefault(caller);
}
