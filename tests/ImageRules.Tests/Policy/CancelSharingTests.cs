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

    /// <summary>The engine's decision on <paramref name="caller"/> (Alice) cancelling sharing of <paramref name="image"/> (Alice's, shared with Bob and Carol) with <paramref name="recipients"/>.</summary>
    private static Result<ImageSharingCancelled> Cancel(IReadOnlyList<AccountId> recipients, Account? caller = null, Image? image = null)
    {
        var cancelled = image ?? AlicesImage;
        var who = caller ?? Alice;
        return Engine.Seed.Decide(new CancelSharing(who.Id, Guangzhou.Id, cancelled.Id, [.. recipients]), Engine.Facts(who, Guangzhou, cancelled, [ToBob, ToCarol]));
    }

    /// <summary>The engine's decision on <paramref name="caller"/> cancelling every grant of Alice's image, which has <paramref name="grants"/>.</summary>
    private static Result<ImageSharingCancelled> CancelAll(Account caller, IEnumerable<ShareGrant> grants) =>
        Engine.Seed.Decide(new CancelAllSharing(caller.Id, Guangzhou.Id, AlicesImage.Id), Engine.Facts(caller, Guangzhou, AlicesImage, grants));

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

        var failure = Refused.Because<AccountNotFound>(refused.Failure, "InvalidAccountId.NotFound", $"`{Sam.Id}`");
        Assert.Equal(new AccountNotFound(Sam.Id.Value, grantedImage: AlicesImage.Id), failure);
    }

    [Fact]
    public void R24_naming_an_account_twice_is_an_error()
    {
        var refused = Cancel([Bob.Id, Bob.Id]);

        var failure = Refused.Because<AccountNotFound>(refused.Failure, "InvalidAccountId.NotFound", $"`{Bob.Id}`");
        Assert.Equal(new AccountNotFound(Bob.Id.Value, grantedImage: AlicesImage.Id), failure);
    }

    /// <summary>Few grants are searched in place, many through a dictionary: both refuse the second naming of an account and an account without a grant (R24).</summary>
    [Theory]
    [InlineData(2)]
    [InlineData(30)]
    public void R24_naming_an_account_twice_or_one_without_a_grant_is_an_error_however_many_grants_there_are(int granted)
    {
        var grants = Engine.RootsOf(Guangzhou, granted).Select(r => Grant(AlicesImage, r)).ToArray();
        var facts = Engine.Facts(Alice, Guangzhou, AlicesImage, grants);
        Result<ImageSharingCancelled> CancelMany(params AccountId[] recipients) => Engine.Seed.Decide(new CancelSharing(Alice.Id, Guangzhou.Id, AlicesImage.Id, [.. recipients]), facts);

        var all = CancelMany([.. grants.Select(g => g.Recipient)]);
        var twice = CancelMany(grants[0].Recipient, grants[^1].Recipient, grants[0].Recipient);
        var ungranted = CancelMany(grants[^1].Recipient, Bob.Id);

        Assert.Equal<ShareGrant>(grants, all.Value.Grants);
        Assert.Equal(new AccountNotFound(grants[0].Recipient.Value, grantedImage: AlicesImage.Id), twice.Failure);
        Assert.Equal(new AccountNotFound(Bob.Id.Value, grantedImage: AlicesImage.Id), ungranted.Failure);
    }

    [Fact]
    public void R24_a_request_without_accounts_is_refused()
    {
        var refused = Cancel([]);

        // RULES.md is silent; the library answers the provider's MissingParameter.
        var failure = Refused.Because<ParameterMissing>(refused.Failure, "MissingParameter", "`AccountIds`");
        Assert.Equal(new ParameterMissing("AccountIds"), failure);
    }

    [Fact]
    public async Task R24_a_refused_cancel_cancels_nothing()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Alice, Guangzhou);
        Assert.True((await world.Service.ShareImageAsync(new ShareImage(Alice.Id, Guangzhou.Id, image.Id, [Bob.Id]))).IsSuccess);

        var refused = await world.Service.CancelSharingAsync(new CancelSharing(Alice.Id, Guangzhou.Id, image.Id, [Bob.Id, Carol.Id]));

        Refused.Because<AccountNotFound>(refused.Failure, "InvalidAccountId.NotFound", $"`{Carol.Id}`");
        Assert.True((await world.Service.LaunchAsync(new LaunchImage(Bob.Id, Guangzhou.Id, image.Id))).IsSuccess);
    }

    [Fact]
    public async Task R24_after_cancelling_the_recipient_can_no_longer_see_or_launch_the_image()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Alice, Guangzhou);
        Assert.True((await world.Service.ShareImageAsync(new ShareImage(Alice.Id, Guangzhou.Id, image.Id, [Bob.Id]))).IsSuccess);
        Assert.True((await world.Service.LaunchAsync(new LaunchImage(Bob.Id, Guangzhou.Id, image.Id))).IsSuccess);

        Assert.True((await world.Service.CancelSharingAsync(new CancelSharing(Alice.Id, Guangzhou.Id, image.Id, [Bob.Id]))).IsSuccess);

        Refused.Because<ImageNotFound>((await world.Service.LaunchAsync(new LaunchImage(Bob.Id, Guangzhou.Id, image.Id))).Failure, "InvalidImageId.NotFound", image.Id.Value);
        Assert.Equal(0, (await world.Service.DescribeImagesAsync(new DescribeImages(Bob.Id, Guangzhou.Id))).Value.TotalCount);
    }

    [Fact]
    public void R24_R21_cancelling_frees_a_share_slot()
    {
        var holders = Engine.RootsOf(Guangzhou, 50);
        var grants = holders.Select(h => Grant(AlicesImage, h)).ToList();
        var known = Engine.SamplesAnd(holders).ToList();
        var share = new ShareImage(Alice.Id, Guangzhou.Id, AlicesImage.Id, [Bob.Id]);

        var full = Engine.Seed.Decide(share, Engine.Facts(Alice, Guangzhou, AlicesImage, grants, accounts: known));
        var cancelled = Engine.Seed.Decide(new CancelSharing(Alice.Id, Guangzhou.Id, AlicesImage.Id, [holders[0].Id]), Engine.Facts(Alice, Guangzhou, AlicesImage, grants)).Value;
        var afterCancel = Engine.Seed.Decide(share, Engine.Facts(Alice, Guangzhou, AlicesImage, grants.Except(cancelled.Grants), accounts: known));

        Refused.Because<ShareQuotaExceeded>(full.Failure, "OverQuota", "51");
        Assert.True(afterCancel.IsSuccess, afterCancel.ToString());
    }

    [Fact]
    public void R24_cancelling_all_sharing_removes_every_grant_and_succeeds_with_none()
    {
        var all = CancelAll(Alice, [ToBob, ToCarol]).Value;
        var none = CancelAll(Alice, []).Value;

        Assert.Equal<ShareGrant>([ToBob, ToCarol], all.Grants);
        Assert.Empty(none.Grants);
    }

    [Fact]
    public void R25_a_recipient_cannot_cancel_sharing()
    {
        var one = Cancel([Bob.Id], caller: Bob);
        var all = CancelAll(Bob, [ToBob, ToCarol]);

        var notOwned = new ImageNotOwned(AlicesImage.Id, ImageOperation.CancelSharing);
        Assert.Equal(notOwned, Refused.Because<ImageNotOwned>(one.Failure, "UnauthorizedOperation.ImageNotBelongToAccount", AlicesImage.Id.Value));
        Assert.Equal(notOwned, Refused.Because<ImageNotOwned>(all.Failure, "UnauthorizedOperation.ImageNotBelongToAccount", AlicesImage.Id.Value));
    }

    [Fact]
    public void R13_an_account_that_sees_a_public_image_cannot_cancel_its_sharing()
    {
        var image = PublicImage(Guangzhou);

        var refused = Cancel([Carol.Id], caller: Bob, image: image);

        var failure = Refused.Because<ImageNotOwned>(refused.Failure, "UnauthorizedOperation.ImageNotBelongToAccount", image.Id.Value);
        Assert.Equal(new ImageNotOwned(image.Id, ImageOperation.CancelSharing), failure);
    }

    [Fact]
    public void R6_an_account_that_cannot_see_the_image_is_told_it_does_not_exist()
    {
        var refused = Cancel([Bob.Id], caller: Sam);

        Refused.Because<ImageNotFound>(refused.Failure, "InvalidImageId.NotFound", AlicesImage.Id.Value);
    }

    [Fact]
    public async Task R27_the_owner_sees_every_grant_a_recipient_only_its_own_and_a_stranger_nothing()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Alice, Guangzhou);
        Assert.True((await world.Service.ShareImageAsync(new ShareImage(Alice.Id, Guangzhou.Id, image.Id, [Bob.Id, Carol.Id]))).IsSuccess);

        var owner = (await world.Service.DescribeShareGrantsAsync(new DescribeShareGrants(Alice.Id, Guangzhou.Id, image.Id))).Value;
        var bob = (await world.Service.DescribeShareGrantsAsync(new DescribeShareGrants(Bob.Id, Guangzhou.Id, image.Id))).Value;
        var carol = (await world.Service.DescribeShareGrantsAsync(new DescribeShareGrants(Carol.Id, Guangzhou.Id, image.Id))).Value;
        var stranger = await world.Service.DescribeShareGrantsAsync(new DescribeShareGrants(Helper.Id, Guangzhou.Id, image.Id));

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
        Assert.True((await world.Service.ShareImageAsync(new ShareImage(Alice.Id, Guangzhou.Id, image.Id, [Bob.Id]))).IsSuccess);

        var elsewhere = await world.Service.DescribeShareGrantsAsync(new DescribeShareGrants(Bob.Id, Shanghai.Id, image.Id));

        Refused.Because<ImageNotFound>(elsewhere.Failure, "InvalidImageId.NotFound", image.Id.Value);
    }
}
