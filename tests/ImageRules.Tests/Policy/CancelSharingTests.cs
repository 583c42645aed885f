using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Tests.Support;
using static ImageRules.Tests.Support.Sample;

namespace ImageRules.Tests.Policy;

/// <summary>Cancelling sharing and describing share permissions (R24, R25, R27; R21 for freed slots).</summary>
public class CancelSharingTests
{
    private static readonly Image AlicesImage = CustomImage(Alice, Guangzhou);
    private static readonly ShareGrant ToBob = Grant(AlicesImage, Bob);
    private static readonly ShareGrant ToCarol = Grant(AlicesImage, Carol);

    private static Result<ImageSharingCancelled> Cancel(IReadOnlyList<AccountId> recipients, AccountId? caller = null, ShareGrant? callerGrant = null, Image? image = null) =>
        Engine.Seed.CancelSharing(image ?? AlicesImage, caller ?? Alice.Id, Guangzhou.Id, callerGrant, recipients, [ToBob, ToCarol], Now);

    [Fact]
    public void R24_owner_cancels_sharing_and_the_named_grants_are_removed()
    {
        var cancelled = Cancel([Carol.Id]).Value;

        Assert.Equal<ShareGrant>([ToCarol], cancelled.Grants);
        Assert.Equal(AlicesImage, cancelled.Image);
        Assert.Equal(Now, cancelled.OccurredAt);
    }

    [Fact]
    public void R24_cancelling_an_account_that_holds_no_grant_is_an_error()
    {
        var refused = Cancel([Bob.Id, Sam.Id]);

        Refused.Because<GrantNotFound>(refused.Failure, "InvalidAccountId.NotFound", $"`{Sam.Id}`");
    }

    [Fact]
    public void R24_naming_an_account_twice_is_an_error()
    {
        var refused = Cancel([Bob.Id, Bob.Id]);

        Refused.Because<GrantNotFound>(refused.Failure, "InvalidAccountId.NotFound", $"`{Bob.Id}`");
    }

    [Fact]
    public void R24_a_request_without_accounts_is_refused()
    {
        var refused = Cancel([]);

        // RULES.md is silent; the library answers the provider's MissingParameter.
        Refused.Because<NoAccountsGiven>(refused.Failure, "MissingParameter", AlicesImage.Id.Value);
    }

    [Fact]
    public async Task R24_a_refused_cancel_cancels_nothing()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Alice, Guangzhou);
        Assert.True((await world.Service.ShareImageAsync(Alice.Id, Guangzhou.Id, image.Id, [Bob.Id])).IsSuccess);

        var refused = await world.Service.CancelSharingAsync(Alice.Id, Guangzhou.Id, image.Id, [Bob.Id, Carol.Id]);

        Refused.Because<GrantNotFound>(refused.Failure, "InvalidAccountId.NotFound", $"`{Carol.Id}`");
        Assert.True((await world.Service.DecideLaunchAsync(Bob.Id, Guangzhou.Id, image.Id)).IsSuccess);
    }

    [Fact]
    public async Task R24_after_cancelling_the_recipient_can_no_longer_see_or_launch_the_image()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Alice, Guangzhou);
        Assert.True((await world.Service.ShareImageAsync(Alice.Id, Guangzhou.Id, image.Id, [Bob.Id])).IsSuccess);
        Assert.True((await world.Service.DecideLaunchAsync(Bob.Id, Guangzhou.Id, image.Id)).IsSuccess);

        Assert.True((await world.Service.CancelSharingAsync(Alice.Id, Guangzhou.Id, image.Id, [Bob.Id])).IsSuccess);

        Refused.Because<ImageNotFound>((await world.Service.DecideLaunchAsync(Bob.Id, Guangzhou.Id, image.Id)).Failure, "InvalidImageId.NotFound", image.Id.Value);
        Assert.Equal(0, (await world.Service.DescribeImagesAsync(Bob.Id, Guangzhou.Id)).Value.TotalCount);
    }

    [Fact]
    public void R24_R21_cancelling_frees_a_share_slot()
    {
        var holders = Engine.RootsOf(Guangzhou, 50);
        var grants = holders.Select(h => Grant(AlicesImage, h)).ToList();
        var known = Engine.KnownWith(holders);

        var full = Engine.Seed.Share(AlicesImage, Alice, Guangzhou.Id, null, [Bob.Id], known, grants, Now);
        var cancelled = Engine.Seed.CancelSharing(AlicesImage, Alice.Id, Guangzhou.Id, null, [holders[0].Id], grants, Now).Value;
        var afterCancel = Engine.Seed.Share(AlicesImage, Alice, Guangzhou.Id, null, [Bob.Id], known, [.. grants.Except(cancelled.Grants)], Now);

        Refused.Because<ShareQuotaExceeded>(full.Failure, "OverQuota", "51");
        Assert.True(afterCancel.IsSuccess, afterCancel.ToString());
    }

    [Fact]
    public void R24_cancelling_all_sharing_removes_every_grant_and_succeeds_with_none()
    {
        var all = Engine.Seed.CancelAllSharing(AlicesImage, Alice.Id, Guangzhou.Id, null, [ToBob, ToCarol], Now).Value;
        var none = Engine.Seed.CancelAllSharing(AlicesImage, Alice.Id, Guangzhou.Id, null, [], Now).Value;

        Assert.Equal<ShareGrant>([ToBob, ToCarol], all.Grants);
        Assert.Empty(none.Grants);
    }

    [Fact]
    public void R25_a_recipient_cannot_cancel_sharing()
    {
        var one = Cancel([Bob.Id], caller: Bob.Id, callerGrant: ToBob);
        var all = Engine.Seed.CancelAllSharing(AlicesImage, Bob.Id, Guangzhou.Id, ToBob, [ToBob, ToCarol], Now);

        Refused.Because<NotImageOwner>(one.Failure, "UnauthorizedOperation.ImageNotBelongToAccount", AlicesImage.Id.Value);
        Refused.Because<NotImageOwner>(all.Failure, "UnauthorizedOperation.ImageNotBelongToAccount", AlicesImage.Id.Value);
    }

    [Fact]
    public void R13_an_account_that_sees_a_public_image_cannot_cancel_its_sharing()
    {
        var image = PublicImage(Guangzhou);

        var refused = Cancel([Carol.Id], caller: Bob.Id, image: image);

        Refused.Because<NotImageOwner>(refused.Failure, "UnauthorizedOperation.ImageNotBelongToAccount", image.Id.Value);
    }

    [Fact]
    public void R6_an_account_that_cannot_see_the_image_is_told_it_does_not_exist()
    {
        var refused = Cancel([Bob.Id], caller: Sam.Id);

        Refused.Because<ImageNotFound>(refused.Failure, "InvalidImageId.NotFound", AlicesImage.Id.Value);
    }

    [Fact]
    public async Task R27_the_owner_sees_every_grant_a_recipient_only_its_own_and_a_stranger_nothing()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Alice, Guangzhou);
        Assert.True((await world.Service.ShareImageAsync(Alice.Id, Guangzhou.Id, image.Id, [Bob.Id, Carol.Id])).IsSuccess);

        var owner = (await world.Service.DescribeSharePermissionsAsync(Alice.Id, Guangzhou.Id, image.Id)).Value;
        var bob = (await world.Service.DescribeSharePermissionsAsync(Bob.Id, Guangzhou.Id, image.Id)).Value;
        var carol = (await world.Service.DescribeSharePermissionsAsync(Carol.Id, Guangzhou.Id, image.Id)).Value;
        var stranger = await world.Service.DescribeSharePermissionsAsync(Helper.Id, Guangzhou.Id, image.Id);

        Assert.Equal([Bob.Id, Carol.Id], owner.Select(g => g.Recipient).OrderBy(a => a.Value, StringComparer.Ordinal));
        Assert.Equal([Bob.Id], bob.Select(g => g.Recipient));
        Assert.Equal([Carol.Id], carol.Select(g => g.Recipient));
        Refused.Because<ImageNotFound>(stranger.Failure, "InvalidImageId.NotFound", image.Id.Value);
    }

    [Fact]
    public async Task R27_a_recipient_sees_no_grant_from_another_region()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Alice, Guangzhou);
        Assert.True((await world.Service.ShareImageAsync(Alice.Id, Guangzhou.Id, image.Id, [Bob.Id])).IsSuccess);

        var elsewhere = await world.Service.DescribeSharePermissionsAsync(Bob.Id, Shanghai.Id, image.Id);

        Refused.Because<ImageNotFound>(elsewhere.Failure, "InvalidImageId.NotFound", image.Id.Value);
    }
}
