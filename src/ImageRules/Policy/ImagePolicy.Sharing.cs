using System.Collections.Immutable;
using Ardalis.GuardClauses;
using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy.Failures;

namespace ImageRules.Policy;

public sealed partial class ImagePolicy
{
    /// <summary>
    /// May the caller share the image with the accounts (R20–R23)? All or nothing: the owner shares a <c>Normal</c>
    /// image with known root accounts of its own home region, never itself, never an account twice, and with at most
    /// <see cref="MaxShareRecipientsPerImage"/> accounts in all. The grants hold in the image's region only. A
    /// recipient re-sharing gets <see cref="SharedImageModifyUnsupported"/> (R25).
    /// </summary>
    /// <param name="request">The image and the recipients, in order; the first refused names the failure.</param>
    /// <param name="facts">The caller, the region, the image, every grant it has, the recipients that exist, and the time.</param>
    public Result<ImageShared> Decide(ShareImage request, ImageFacts facts)
    {
        Guard.Against.Null(request);
        if (!Owned(request.Caller, request.Region, request.ImageId, facts, ImageOperation.Share, sharedIsUnsupported: true).TryGetValue(out var image, out var refused))
        {
            return refused;
        }

        var failure = (image.State == ImageState.Normal ? null : new ImageStateInvalid(image.Id, image.State, ImageOperation.Share))
            ?? (request.Accounts.IsDefaultOrEmpty ? new ParameterMissing("AccountIds") : null)
            ?? CheckRecipients(image, facts.Caller!, request.Accounts, facts);
        if (failure is not null)
        {
            return failure;
        }

        var total = facts.Grants.Length + request.Accounts.Length;
        if (total > MaxShareRecipientsPerImage)
        {
            return new ShareQuotaExceeded(image.Id, MaxShareRecipientsPerImage, total);
        }

        var grants = ImmutableArray.CreateBuilder<ShareGrant>(request.Accounts.Length);
        foreach (var recipient in request.Accounts)
        {
            grants.Add(new ShareGrant(image.Id, request.Caller, recipient, image.Region, facts.Now));
        }

        return new ImageShared(image, grants.MoveToImmutable(), facts.Now);
    }

    private static Failure? CheckRecipients(Image image, Account caller, ImmutableArray<AccountId> recipients, ImageFacts facts)
    {
        // Few holders (the usual request) are searched in place; a set pays for itself only past a handful.
        var holders = facts.Grants.Length + recipients.Length > SmallSet ? HoldersOf(facts.Grants, recipients.Length) : null;
        for (var i = 0; i < recipients.Length; i++)
        {
            var recipient = recipients[i];
            var refused = recipient == caller.Id ? new ShareWithSelf(recipient)
                : !facts.Accounts.TryGetValue(recipient, out var account) ? new AccountNotFound(recipient.Value)
                : !account.IsRoot ? new NotMasterAccount(recipient)
                : account.HomeRegion != caller.HomeRegion ? new RegionUnsupported(caller.HomeRegion, account.HomeRegion, recipient)
                : (holders is null ? HoldsOrNamedBefore(recipient, facts.Grants, recipients, i) : !holders.Add(recipient)) ? new AccountAlreadyShared(image.Id, recipient)
                : (Failure?)null;
            if (refused is not null)
            {
                return refused;
            }
        }

        return null;
    }

    /// <summary>Up to this many accounts, a linear search beats building a hash set (R21–R23 checks).</summary>
    private const int SmallSet = 16;

    private static HashSet<AccountId> HoldersOf(ImmutableArray<ShareGrant> grants, int more)
    {
        var holders = new HashSet<AccountId>(grants.Length + more);
        foreach (var grant in grants)
        {
            holders.Add(grant.Recipient);
        }

        return holders;
    }

    /// <summary>Does <paramref name="recipient"/> hold a grant already, or come earlier in the request (R23)?</summary>
    private static bool HoldsOrNamedBefore(AccountId recipient, ImmutableArray<ShareGrant> grants, ImmutableArray<AccountId> recipients, int index)
    {
        foreach (var grant in grants)
        {
            if (grant.Recipient == recipient)
            {
                return true;
            }
        }

        return recipients.AsSpan(0, index).Contains(recipient);
    }

    /// <summary>
    /// May the caller cancel sharing of the image with the accounts (R24)? Owner only (a recipient gets
    /// <see cref="ImageNotOwned"/>, R25); all or nothing; an account that holds no grant, or is named twice, is
    /// <see cref="AccountNotFound"/> naming the image.
    /// </summary>
    /// <param name="request">The image and the recipients whose grants to remove.</param>
    /// <param name="facts">The caller, the region, the image, every grant it has, and the time.</param>
    public Result<ImageSharingCancelled> Decide(CancelSharing request, ImageFacts facts)
    {
        Guard.Against.Null(request);
        if (!Owned(request.Caller, request.Region, request.ImageId, facts, ImageOperation.CancelSharing, sharedIsUnsupported: false).TryGetValue(out var image, out var refused))
        {
            return refused;
        }

        if (request.Accounts.IsDefaultOrEmpty)
        {
            return new ParameterMissing("AccountIds");
        }

        var remaining = facts.Grants.Length > SmallSet ? GrantsByRecipient(facts.Grants) : null;
        var removed = ImmutableArray.CreateBuilder<ShareGrant>(request.Accounts.Length);
        foreach (var recipient in request.Accounts)
        {
            var grant = remaining is null ? TakeGrant(facts.Grants, recipient, removed) : remaining.Remove(recipient, out var found) ? found : null;
            if (grant is null)
            {
                return new AccountNotFound(recipient.Value, image.Id);
            }

            removed.Add(grant);
        }

        return new ImageSharingCancelled(image, removed.MoveToImmutable(), facts.Now);
    }

    private static Dictionary<AccountId, ShareGrant> GrantsByRecipient(ImmutableArray<ShareGrant> grants)
    {
        var byRecipient = new Dictionary<AccountId, ShareGrant>(grants.Length);
        foreach (var grant in grants)
        {
            byRecipient.Add(grant.Recipient, grant);
        }

        return byRecipient;
    }

    /// <summary>The recipient's grant among a few, unless already taken by this request (a name given twice); else null.</summary>
    private static ShareGrant? TakeGrant(ImmutableArray<ShareGrant> grants, AccountId recipient, ImmutableArray<ShareGrant>.Builder taken)
    {
        foreach (var grant in grants)
        {
            if (grant.Recipient == recipient)
            {
                return taken.Contains(grant) ? null : grant;
            }
        }

        return null;
    }

    /// <summary>Cancels every grant of the image (owner only), the step before deleting a shared image (R16, R24). With no grants it cancels nothing and succeeds.</summary>
    /// <param name="request">The image.</param>
    /// <param name="facts">The caller, the region, the image, every grant it has, and the time.</param>
    public Result<ImageSharingCancelled> Decide(CancelAllSharing request, ImageFacts facts)
    {
        Guard.Against.Null(request);
        return Owned(request.Caller, request.Region, request.ImageId, facts, ImageOperation.CancelSharing, sharedIsUnsupported: false)
            .Select(image => new ImageSharingCancelled(image, facts.Grants, facts.Now));
    }
}
