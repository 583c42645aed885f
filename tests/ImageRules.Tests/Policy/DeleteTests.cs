using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Tests.Support;
using static ImageRules.Tests.Support.Sample;

namespace ImageRules.Tests.Policy;

/// <summary>Deleting a custom image (R16; R13, R25 and R6 for other accounts; R11 for the freed slot).</summary>
public class DeleteTests
{
    private static readonly Image AlicesImage = CustomImage(Alice, Guangzhou);

    /// <summary>The engine's decision on <paramref name="caller"/> deleting <paramref name="image"/> in Guangzhou while it has <paramref name="grants"/>.</summary>
    private static Result<ImageDeleted> Delete(Image image, Account caller, params ShareGrant[] grants) =>
        Engine.Seed.Decide(new DeleteImage(caller.Id, Guangzhou.Id, image.Id), Engine.Facts(caller, Guangzhou, image, grants));

    [Theory]
    [InlineData(ImageState.Normal)]
    [InlineData(ImageState.CreateFailed)]
    [InlineData(ImageState.ImportFailed)]
    [InlineData(ImageState.SyncFailed)]
    public void R16_owner_deletes_a_ready_or_failed_image(ImageState state)
    {
        var image = AlicesImage with { State = state };

        var deleted = Delete(image, Alice).Value;

        Assert.Equal(image, deleted.Image);
        Assert.Equal(image.Id, deleted.ImageId);
        Assert.Equal(Now, deleted.OccurredAt);
    }

    [Theory]
    [InlineData(ImageState.Creating)]
    [InlineData(ImageState.Syncing)]
    [InlineData(ImageState.Importing)]
    public void R16_an_image_still_in_progress_cannot_be_deleted(ImageState state)
    {
        var refused = Delete(Engine.JustMade(AlicesImage with { State = state }), Alice);

        var failure = Refused.Because<ImageStateIncorrect>(refused.Failure, "InvalidImageId.IncorrectState", $"`{state}`");
        Assert.Equal(new ImageStateIncorrect(AlicesImage.Id, state, ImageOperation.Delete), failure);
    }

    [Fact]
    public void R16_a_shared_image_cannot_be_deleted_before_sharing_is_cancelled()
    {
        var refused = Delete(AlicesImage, Alice, Grant(AlicesImage, Bob), Grant(AlicesImage, Carol));

        var failure = Refused.Because<ImageStillShared>(refused.Failure, "InvalidImageId.InShared", AlicesImage.Id.Value);
        Assert.Equal(new ImageStillShared(AlicesImage.Id, 2), failure);
    }

    [Fact]
    public async Task R16_cancelling_all_sharing_then_deleting_succeeds_and_the_image_is_gone()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Alice, Guangzhou);
        Assert.True((await world.Service.ShareImageAsync(new ShareImage(Alice.Id, Guangzhou.Id, image.Id, [Bob.Id, Carol.Id]))).IsSuccess);
        var delete = new DeleteImage(Alice.Id, Guangzhou.Id, image.Id);

        var whileShared = await world.Service.DeleteImageAsync(delete);
        var cancelled = (await world.Service.CancelAllSharingAsync(new CancelAllSharing(Alice.Id, Guangzhou.Id, image.Id))).Value;
        var deleted = await world.Service.DeleteImageAsync(delete);

        Refused.Because<ImageStillShared>(whileShared.Failure, "InvalidImageId.InShared", image.Id.Value);
        Assert.Equal(2, cancelled.Grants.Length);
        Assert.True(deleted.IsSuccess, deleted.ToString());
        Assert.Null(await world.Store.FindImageAsync(image.Id));
    }

    [Fact]
    public async Task R16_R11_deleting_frees_the_quota_slot()
    {
        var world = await TestWorld.CreateAsync();
        var first = await world.ReadyImageAsync(Alice, Guangzhou, "image-1");
        for (var i = 2; i <= 10; i++)
        {
            Assert.True((await world.Service.CreateImageAsync(Create(Alice, Guangzhou, $"image-{i}"))).IsSuccess);
        }

        var quota = new DescribeQuota(Alice.Id, Guangzhou.Id);
        var full = await world.Service.DescribeQuotaAsync(quota);
        Assert.True((await world.Service.DeleteImageAsync(new DeleteImage(Alice.Id, Guangzhou.Id, first.Id))).IsSuccess);
        var freed = await world.Service.DescribeQuotaAsync(quota);

        Assert.Equal((10, 0), (full.Value.Used, full.Value.Remaining));
        Assert.Equal((9, 1), (freed.Value.Used, freed.Value.Remaining));
        Assert.True((await world.Service.CreateImageAsync(Create(Alice, Guangzhou, "image-1"))).IsSuccess);
    }

    [Fact]
    public void R13_an_account_that_sees_a_public_image_cannot_delete_it()
    {
        var image = PublicImage(Guangzhou);

        var refused = Delete(image, Bob);

        var failure = Refused.Because<ImageNotOwned>(refused.Failure, "UnauthorizedOperation.ImageNotBelongToAccount", image.Id.Value);
        Assert.Equal(new ImageNotOwned(image.Id, ImageOperation.Delete), failure);
    }

    [Fact]
    public void R25_a_recipient_cannot_delete_a_shared_image()
    {
        var refused = Delete(AlicesImage, Bob, Grant(AlicesImage, Bob));

        var failure = Refused.Because<ImageNotOwned>(refused.Failure, "UnauthorizedOperation.ImageNotBelongToAccount", AlicesImage.Id.Value);
        Assert.Equal(new ImageNotOwned(AlicesImage.Id, ImageOperation.Delete), failure);
    }

    [Fact]
    public void R6_an_account_that_cannot_see_the_image_is_told_it_does_not_exist()
    {
        var refused = Delete(Engine.JustMade(AlicesImage with { State = ImageState.Creating }), Bob);

        Refused.Because<ImageNotFound>(refused.Failure, "InvalidImageId.NotFound", AlicesImage.Id.Value);
    }
}
