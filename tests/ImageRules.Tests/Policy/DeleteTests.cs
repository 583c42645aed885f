using ImageRules.Domain;
using ImageRules.Policy.Failures;
using ImageRules.Tests.Support;
using static ImageRules.Tests.Support.Sample;

namespace ImageRules.Tests.Policy;

/// <summary>Deleting a custom image (R16; R13, R25 and R6 for other accounts; R11 for the freed slot).</summary>
public class DeleteTests
{
    private static readonly Image AlicesImage = CustomImage(Alice, Guangzhou);

    [Theory]
    [InlineData(ImageState.Normal)]
    [InlineData(ImageState.CreateFailed)]
    [InlineData(ImageState.ImportFailed)]
    [InlineData(ImageState.SyncFailed)]
    public void R16_owner_deletes_a_ready_or_failed_image(ImageState state)
    {
        var image = AlicesImage with { State = state };

        var deleted = Engine.Seed.Delete(image, Alice.Id, Guangzhou.Id, null, grantCount: 0, Now).Value;

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
        var refused = Engine.Seed.Delete(AlicesImage with { State = state }, Alice.Id, Guangzhou.Id, null, grantCount: 0, Now);

        Refused.Because<IncorrectImageState>(refused.Failure, "InvalidImageId.IncorrectState", $"`{state}`");
    }

    [Fact]
    public void R16_a_shared_image_cannot_be_deleted_before_sharing_is_cancelled()
    {
        var refused = Engine.Seed.Delete(AlicesImage, Alice.Id, Guangzhou.Id, null, grantCount: 2, Now);

        var failure = Refused.Because<ImageInShared>(refused.Failure, "InvalidImageId.InShared", AlicesImage.Id.Value);
        Assert.Equal(2, failure.GrantCount);
    }

    [Fact]
    public async Task R16_cancelling_all_sharing_then_deleting_succeeds_and_the_image_is_gone()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Alice, Guangzhou);
        Assert.True((await world.Service.ShareImageAsync(Alice.Id, Guangzhou.Id, image.Id, [Bob.Id, Carol.Id])).IsSuccess);

        var whileShared = await world.Service.DeleteImageAsync(Alice.Id, Guangzhou.Id, image.Id);
        var cancelled = (await world.Service.CancelAllSharingAsync(Alice.Id, Guangzhou.Id, image.Id)).Value;
        var deleted = await world.Service.DeleteImageAsync(Alice.Id, Guangzhou.Id, image.Id);

        Refused.Because<ImageInShared>(whileShared.Failure, "InvalidImageId.InShared", image.Id.Value);
        Assert.Equal(2, cancelled.Grants.Length);
        Assert.True(deleted.IsSuccess, deleted.ToString());
        Assert.Null(await world.Store.FindAsync(image.Id));
    }

    [Fact]
    public async Task R16_R11_deleting_frees_the_quota_slot()
    {
        var world = await TestWorld.CreateAsync();
        var first = await world.ReadyImageAsync(Alice, Guangzhou, "image-1");
        for (var i = 2; i <= 10; i++)
        {
            Assert.True((await world.Service.CreateImageAsync(Alice.Id, Create(Guangzhou, $"image-{i}"))).IsSuccess);
        }

        var full = await world.Service.GetQuotaAsync(Alice.Id, Guangzhou.Id);
        Assert.True((await world.Service.DeleteImageAsync(Alice.Id, Guangzhou.Id, first.Id)).IsSuccess);
        var freed = await world.Service.GetQuotaAsync(Alice.Id, Guangzhou.Id);

        Assert.Equal((10, 0), (full.Value.Used, full.Value.Remaining));
        Assert.Equal((9, 1), (freed.Value.Used, freed.Value.Remaining));
        Assert.True((await world.Service.CreateImageAsync(Alice.Id, Create(Guangzhou, "image-1"))).IsSuccess);
    }

    [Fact]
    public void R13_an_account_that_sees_a_public_image_cannot_delete_it()
    {
        var image = PublicImage(Guangzhou);

        var refused = Engine.Seed.Delete(image, Bob.Id, Guangzhou.Id, null, grantCount: 0, Now);

        Refused.Because<NotImageOwner>(refused.Failure, "UnauthorizedOperation.ImageNotBelongToAccount", image.Id.Value);
    }

    [Fact]
    public void R25_a_recipient_cannot_delete_a_shared_image()
    {
        var refused = Engine.Seed.Delete(AlicesImage, Bob.Id, Guangzhou.Id, Grant(AlicesImage, Bob), grantCount: 1, Now);

        Refused.Because<NotImageOwner>(refused.Failure, "UnauthorizedOperation.ImageNotBelongToAccount", AlicesImage.Id.Value);
    }

    [Fact]
    public void R6_an_account_that_cannot_see_the_image_is_told_it_does_not_exist()
    {
        var refused = Engine.Seed.Delete(AlicesImage with { State = ImageState.Creating }, Bob.Id, Guangzhou.Id, null, grantCount: 0, Now);

        Refused.Because<ImageNotFound>(refused.Failure, "InvalidImageId.NotFound", AlicesImage.Id.Value);
    }
}
