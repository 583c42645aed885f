using System.Collections.Immutable;
using Ardalis.GuardClauses;
using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy.Failures;

namespace ImageRules.Policy;

public sealed partial class ImagePolicy
{
    /// <summary>
    /// May <paramref name="caller"/> share <paramref name="image"/> with <paramref name="recipients"/> (R20–R23)?
    /// All or nothing: the owner shares a <c>Normal</c> image with known root accounts of its own home region, never
    /// itself, never an account twice, and with at most <see cref="ImageRulesOptions.MaxShareRecipientsPerImage"/>
    /// accounts in all. The grants hold in the image's region only. A recipient re-sharing gets
    /// <see cref="SharedImageModifyUnsupported"/> (R25).
    /// </summary>
    /// <param name="image">The image.</param>
    /// <param name="caller">The account asking, with its home region.</param>
    /// <param name="region">The region the caller addresses.</param>
    /// <param name="callerGrant">The caller's grant for the image, if any.</param>
    /// <param name="recipients">The accounts to share with, in order; the first that is refused names the failure.</param>
    /// <param name="knownAccounts">The recipients that exist, by id; an id missing here is <see cref="AccountNotFound"/>.</param>
    /// <param name="imageGrants">Every grant the image has now.</param>
    /// <param name="now">The current time.</param>
    public Result<ImageShared> Share(
        Image image,
        Account caller,
        RegionId region,
        ShareGrant? callerGrant,
        IReadOnlyList<AccountId> recipients,
        IReadOnlyDictionary<AccountId, Account> knownAccounts,
        IReadOnlyCollection<ShareGrant> imageGrants,
        DateTimeOffset now)
    {
        Guard.Against.Null(caller);
        Guard.Against.Null(recipients);
        Guard.Against.Null(knownAccounts);
        Guard.Against.Null(imageGrants);
        var refused = RequireOwner(image, caller.Id, region, callerGrant, "re-sharing", sharedIsUnsupported: true)
            ?? (image.State == ImageState.Normal ? null : new InvalidImageState(image.Id, image.State))
            ?? (recipients.Count == 0 ? new NoAccountsGiven(image.Id) : null)
            ?? CheckRecipients(image, caller, recipients, knownAccounts, imageGrants);
        if (refused is not null)
        {
            return refused;
        }

        var total = imageGrants.Count + recipients.Count;
        if (total > Options.MaxShareRecipientsPerImage)
        {
            return new ShareQuotaExceeded(image.Id, Options.MaxShareRecipientsPerImage, total);
        }

        var grants = ImmutableArray.CreateBuilder<ShareGrant>(recipients.Count);
        foreach (var recipient in recipients)
        {
            grants.Add(new ShareGrant(image.Id, caller.Id, recipient, image.Region, now));
        }

        return new ImageShared(image, grants.MoveToImmutable(), now);
    }

    private static Failure? CheckRecipients(Image image, Account caller, IReadOnlyList<AccountId> recipients, IReadOnlyDictionary<AccountId, Account> knownAccounts, IReadOnlyCollection<ShareGrant> imageGrants)
    {
        var holders = new HashSet<AccountId>(imageGrants.Count + recipients.Count);
        foreach (var grant in imageGrants)
        {
            holders.Add(grant.Recipient);
        }

        foreach (var recipient in recipients)
        {
            if (recipient == caller.Id)
            {
                return new ShareWithSelf(recipient);
            }

            if (!knownAccounts.TryGetValue(recipient, out var account))
            {
                return new AccountNotFound(recipient.Value);
            }

            if (!account.IsRoot)
            {
                return new NotMasterAccount(recipient);
            }

            if (account.HomeRegion != caller.HomeRegion)
            {
                return new ShareRegionUnsupported(recipient, account.HomeRegion, caller.HomeRegion);
            }

            if (!holders.Add(recipient))
            {
                return new AccountAlreadyShared(image.Id, recipient);
            }
        }

        return null;
    }

    /// <summary>
    /// May <paramref name="caller"/> cancel sharing of <paramref name="image"/> with <paramref name="recipients"/> (R24)?
    /// Owner only (a recipient gets <see cref="NotImageOwner"/>, R25); all or nothing; an account that holds no grant,
    /// or is named twice, is <see cref="GrantNotFound"/>.
    /// </summary>
    /// <param name="image">The image.</param>
    /// <param name="caller">The account asking.</param>
    /// <param name="region">The region the caller addresses.</param>
    /// <param name="callerGrant">The caller's grant for the image, if any.</param>
    /// <param name="recipients">The accounts whose grants to remove.</param>
    /// <param name="imageGrants">Every grant the image has now.</param>
    /// <param name="now">The current time.</param>
    public Result<ImageSharingCancelled> CancelSharing(Image image, AccountId caller, RegionId region, ShareGrant? callerGrant, IReadOnlyList<AccountId> recipients, IReadOnlyCollection<ShareGrant> imageGrants, DateTimeOffset now)
    {
        Guard.Against.Null(recipients);
        Guard.Against.Null(imageGrants);
        var refused = RequireOwner(image, caller, region, callerGrant, "cancel sharing", sharedIsUnsupported: false)
            ?? (recipients.Count == 0 ? new NoAccountsGiven(image.Id) : null);
        if (refused is not null)
        {
            return refused;
        }

        var remaining = imageGrants.ToDictionary(g => g.Recipient);
        var removed = ImmutableArray.CreateBuilder<ShareGrant>(recipients.Count);
        foreach (var recipient in recipients)
        {
            if (!remaining.Remove(recipient, out var grant))
            {
                return new GrantNotFound(image.Id, recipient);
            }

            removed.Add(grant);
        }

        return new ImageSharingCancelled(image, removed.MoveToImmutable(), now);
    }

    /// <summary>Cancels every grant of <paramref name="image"/> (owner only), the step before deleting a shared image (R16, R24). With no grants it cancels nothing and succeeds.</summary>
    /// <param name="image">The image.</param>
    /// <param name="caller">The account asking.</param>
    /// <param name="region">The region the caller addresses.</param>
    /// <param name="callerGrant">The caller's grant for the image, if any.</param>
    /// <param name="imageGrants">Every grant the image has now.</param>
    /// <param name="now">The current time.</param>
    public Result<ImageSharingCancelled> CancelAllSharing(Image image, AccountId caller, RegionId region, ShareGrant? callerGrant, IReadOnlyCollection<ShareGrant> imageGrants, DateTimeOffset now)
    {
        Guard.Against.Null(imageGrants);
        var refused = RequireOwner(image, caller, region, callerGrant, "cancel sharing", sharedIsUnsupported: false);
        return refused is not null ? refused : new ImageSharingCancelled(image, [.. imageGrants], now);
    }
}
