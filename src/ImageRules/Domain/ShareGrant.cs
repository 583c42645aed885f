namespace ImageRules.Domain;

/// <summary>
/// One custom image shared by its owner with one recipient root account. The grant holds only in the image's region
/// (R5, R22); it makes the image <see cref="ImageKind.Shared"/> for the recipient, who may only launch it (R25).
/// </summary>
/// <remarks>Immutable; value equality. An image has at most one grant per recipient (R23).</remarks>
/// <param name="ImageId">The shared image.</param>
/// <param name="Owner">The image's owner, who made the grant.</param>
/// <param name="Recipient">The account that may now see and launch the image.</param>
/// <param name="Region">The image's region, the only region where the grant holds.</param>
/// <param name="GrantedAt">When the grant was made.</param>
public sealed record ShareGrant(ImageId ImageId, AccountId Owner, AccountId Recipient, RegionId Region, DateTimeOffset GrantedAt);
