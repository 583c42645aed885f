using System.Collections.Immutable;
using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Application;

public class ImageServiceShareTests
{
    /// <summary>Racing writers of one catalogue queue in every store (<see cref="Storage.IImageStore.DecideAsync"/>): exactly the limit is granted and none is answered ConcurrentModification.</summary>
    [Fact]
    public async Task R21_eighty_racing_shares_of_one_image_grant_exactly_50_and_refuse_30_as_OverQuota_never_ConcurrentModification()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);
        var recipients = await RootAccountsAsync(world, 80);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var racers = recipients.Select(recipient => Task.Run(async () =>
        {
            await start.Task;
            return await world.Service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [recipient]));
        })).ToArray();
        start.SetResult();
        var results = await Task.WhenAll(racers);

        Assert.Equal(50, results.Count(r => r.IsSuccess));
        Assert.All(results.Where(r => !r.IsSuccess), r => Refusal.Is<ShareQuotaExceeded>(r.Failure, "OverQuota"));
        Assert.Equal(50, (await world.Store.GrantsOfAsync(image.Id)).Length);
    }

    [Fact]
    public async Task R20_R22_sharing_grants_each_recipient_the_image_in_its_region()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);

        var shared = await world.Service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [Sample.Bob.Id, Sample.Carol.Id]));

        ShareGrant[] grants = [Sample.Grant(image, Sample.Bob), Sample.Grant(image, Sample.Carol)];
        Assert.Equal(new ImageShared(image, shared.Value.Grants, Sample.Now), shared.Value);
        Assert.Equal(grants, shared.Value.Grants);
        Assert.Equal(grants.ToHashSet(), (await world.Store.GrantsOfAsync(image.Id)).ToHashSet());
        var bobsView = (await world.Service.DescribeImagesAsync(new DescribeImages(Sample.Bob.Id, Sample.Guangzhou.Id))).Value.Items;
        Assert.Equal(new[] { new VisibleImage(image, ImageKind.Shared) }, bobsView);
    }

    [Fact]
    public async Task R5_R22_an_image_shared_in_another_region_is_seen_by_the_recipient_only_there()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Shanghai);

        var shared = await world.Service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Shanghai.Id, image.Id, [Sample.Bob.Id]));

        Assert.Equal(Sample.Shanghai.Id, Assert.Single(shared.Value.Grants).Region);
        Assert.Single((await world.Service.DescribeImagesAsync(new DescribeImages(Sample.Bob.Id, Sample.Shanghai.Id))).Value.Items);
        Assert.Empty((await world.Service.DescribeImagesAsync(new DescribeImages(Sample.Bob.Id, Sample.Guangzhou.Id))).Value.Items);
        Refusal.Is<ImageNotFound>((await world.Service.LaunchAsync(new LaunchImage(Sample.Bob.Id, Sample.Guangzhou.Id, image.Id))).Failure, "InvalidImageId.NotFound");
    }

    [Theory]
    [InlineData(ImageState.Creating)]
    [InlineData(ImageState.CreateFailed)]
    public async Task R20_sharing_an_image_that_is_not_Normal_is_InvalidParameterValue_InvalidImageState(ImageState state)
    {
        var world = await TestWorld.CreateAsync();
        var image = (await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou))).Value.Image;
        if (state == ImageState.CreateFailed)
        {
            await world.Service.CompleteImageAsync(image.Id, succeeded: false);
        }

        var shared = await world.Service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [Sample.Bob.Id]));

        Refusal.Is<ImageStateInvalid>(shared.Failure, "InvalidParameterValue.InvalidImageState");
        Assert.Empty(await world.Store.GrantsOfAsync(image.Id));
    }

    [Theory]
    [InlineData("oneself", nameof(ShareWithSelf), "InvalidAccountIs.YourSelf")]
    [InlineData("a collaborator", nameof(NotMasterAccount), "FailedOperation.NotMasterAccount")]
    [InlineData("an unknown account", nameof(AccountNotFound), "InvalidAccountId.NotFound")]
    [InlineData("an account already holding a grant", nameof(AccountAlreadyShared), "FailedOperation.AccountAlreadyExists")]
    [InlineData("an account named twice", nameof(AccountAlreadyShared), "FailedOperation.AccountAlreadyExists")]
    [InlineData("an account of another region", nameof(RegionUnsupported), "UnsupportedOperation.Region")]
    public async Task R20_R22_R23_one_refused_recipient_rejects_the_whole_request(string recipient, string failure, string code)
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);
        await world.Service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [Sample.Carol.Id]));
        AccountId refused = recipient switch
        {
            "oneself" => Sample.Alice.Id,
            "a collaborator" => Sample.Helper.Id,
            "an unknown account" => new("99999999"),
            "an account already holding a grant" => Sample.Carol.Id,
            "an account named twice" => Sample.Bob.Id,
            _ => Sample.Sam.Id,
        };

        var shared = await world.Service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [Sample.Bob.Id, refused]));

        Assert.Equal(failure, shared.Failure?.GetType().Name);
        Assert.Equal(code, shared.Failure!.Code);
        Assert.Equal(new[] { Sample.Grant(image, Sample.Carol) }, await world.Store.GrantsOfAsync(image.Id));
    }

    [Fact]
    public async Task R20_sharing_with_no_account_is_MissingParameter()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);

        var shared = await world.Service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, []));

        Refusal.Is<ParameterMissing>(shared.Failure, "MissingParameter");
    }

    [Fact]
    public async Task R21_the_51st_recipient_is_OverQuota_and_cancelling_frees_a_slot()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);
        var recipients = await RootAccountsAsync(world, 51);
        Assert.True((await world.Service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, recipients[..50]))).IsSuccess);

        var over = await world.Service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [recipients[50]]));
        await world.Service.CancelSharingAsync(new CancelSharing(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [recipients[0]]));
        var freed = await world.Service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [recipients[50]]));

        var refused = Refusal.Is<ShareQuotaExceeded>(over.Failure, "OverQuota");
        Assert.Equal((50, 51), (refused.Limit, refused.Requested));
        Assert.True(freed.IsSuccess);
        Assert.Equal(50, (await world.Store.GrantsOfAsync(image.Id)).Length);
    }

    [Fact]
    public async Task R21_one_request_for_51_recipients_is_OverQuota_and_grants_nothing()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);
        var recipients = await RootAccountsAsync(world, 51);

        var shared = await world.Service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, recipients));

        Refusal.Is<ShareQuotaExceeded>(shared.Failure, "OverQuota");
        Assert.Empty(await world.Store.GrantsOfAsync(image.Id));
    }

    [Fact]
    public async Task R21_the_2025_profile_shares_with_up_to_500_accounts()
    {
        var world = await TestWorld.CreateAsync(new ImageRulesOptions { Profile = ImageRulesProfile.Provider2025 });
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);
        var recipients = await RootAccountsAsync(world, 501);

        Assert.True((await world.Service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, recipients[..500]))).IsSuccess);
        Refusal.Is<ShareQuotaExceeded>((await world.Service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [recipients[500]]))).Failure, "OverQuota");
    }

    [Fact]
    public async Task R25_a_recipient_resharing_is_UnsupportedOperation_SharedImageModifyUnsupported()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);
        await world.Service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [Sample.Bob.Id]));

        var reshared = await world.Service.ShareImageAsync(new ShareImage(Sample.Bob.Id, Sample.Guangzhou.Id, image.Id, [Sample.Carol.Id]));

        Refusal.Is<SharedImageModifyUnsupported>(reshared.Failure, "UnsupportedOperation.SharedImageModifyUnsupported");
        Assert.Null(await world.GrantAsync(image.Id, Sample.Carol.Id));
    }

    [Fact]
    public async Task R6_R13_an_image_the_caller_cannot_see_is_not_found_and_a_public_one_is_not_its_own()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);
        var publicImage = Sample.PublicImage(Sample.Guangzhou);
        await world.Service.PublishPublicImageAsync(publicImage);

        var byStranger = await world.Service.ShareImageAsync(new ShareImage(Sample.Carol.Id, Sample.Guangzhou.Id, image.Id, [Sample.Bob.Id]));
        var inOtherRegion = await world.Service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Shanghai.Id, image.Id, [Sample.Bob.Id]));
        var unknown = await world.Service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, new ImageId("img-nothere1"), [Sample.Bob.Id]));
        var publicShare = await world.Service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, publicImage.Id, [Sample.Bob.Id]));

        Refusal.Is<ImageNotFound>(byStranger.Failure, "InvalidImageId.NotFound");
        Refusal.Is<ImageNotFound>(inOtherRegion.Failure, "InvalidImageId.NotFound");
        Refusal.Is<ImageNotFound>(unknown.Failure, "InvalidImageId.NotFound");
        Refusal.Is<ImageNotOwned>(publicShare.Failure, "UnauthorizedOperation.ImageNotBelongToAccount");
    }

    [Fact]
    public async Task R7_a_share_by_an_unknown_caller_or_in_an_unknown_region_is_not_found()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);

        var byStranger = await world.Service.ShareImageAsync(new ShareImage(new AccountId("99999999"), Sample.Guangzhou.Id, image.Id, [Sample.Bob.Id]));
        var nowhere = await world.Service.ShareImageAsync(new ShareImage(Sample.Alice.Id, new RegionId("eu-nowhere"), image.Id, [Sample.Bob.Id]));

        Refusal.Is<AccountNotFound>(byStranger.Failure, "InvalidAccountId.NotFound");
        Refusal.Is<RegionNotFound>(nowhere.Failure, "InvalidRegion.NotFound");
    }

    /// <summary>Saves <paramref name="count"/> new root accounts of Guangzhou, valid recipients of Alice's shares.</summary>
    internal static async Task<ImmutableArray<AccountId>> RootAccountsAsync(TestWorld world, int count, int series = 6)
    {
        var ids = ImmutableArray.CreateBuilder<AccountId>(count);
        for (var i = 0; i < count; i++)
        {
            ids.Add(new AccountId($"{series}{i:D9}"));
            await world.Service.SaveAccountAsync(new Account(ids[i], Sample.Guangzhou.Id));
        }

        return ids.MoveToImmutable();
    }
}
