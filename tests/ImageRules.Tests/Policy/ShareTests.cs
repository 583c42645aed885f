using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Tests.Support;
using static ImageRules.Tests.Support.Sample;

namespace ImageRules.Tests.Policy;

/// <summary>Sharing a custom image with other accounts (R20–R23; R13, R25 and R6 for non-owners).</summary>
public class ShareTests
{
    private static readonly Image AlicesImage = CustomImage(Alice, Guangzhou);

    /// <summary>
    /// The engine's decision on <paramref name="caller"/> (Alice) sharing <paramref name="image"/> (Alice's) in its
    /// region with <paramref name="recipients"/>, while the image has the <paramref name="existing"/> grants and the
    /// <paramref name="known"/> accounts exist (the sample accounts).
    /// </summary>
    private static Result<ImageShared> Share(
        IReadOnlyList<AccountId> recipients,
        Image? image = null,
        Account? caller = null,
        IEnumerable<ShareGrant>? existing = null,
        IEnumerable<Account>? known = null,
        ImagePolicy? policy = null)
    {
        var shared = image ?? AlicesImage;
        var who = caller ?? Alice;
        var facts = Engine.Facts(who, Engine.RegionOf(shared.Region), shared, existing, accounts: known);
        return (policy ?? Engine.Seed).Decide(new ShareImage(who.Id, shared.Region, shared.Id, [.. recipients]), facts);
    }

    private static ShareGrant[] GrantsTo(Image image, IEnumerable<Account> recipients) => [.. recipients.Select(r => Grant(image, r))];

    [Fact]
    public void R20_owner_shares_a_normal_image_with_root_accounts_one_grant_each_in_request_order()
    {
        var shared = Share([Carol.Id, Bob.Id]).Value;

        Assert.Equal(AlicesImage, shared.Image);
        Assert.Equal(Now, shared.OccurredAt);
        Assert.Equal<ShareGrant>(
            [new ShareGrant(AlicesImage.Id, Alice.Id, Carol.Id, Guangzhou.Id, Now), new ShareGrant(AlicesImage.Id, Alice.Id, Bob.Id, Guangzhou.Id, Now)],
            shared.Grants);
    }

    [Theory]
    [InlineData(ImageState.Creating)]
    [InlineData(ImageState.Importing)]
    [InlineData(ImageState.Syncing)]
    [InlineData(ImageState.CreateFailed)]
    [InlineData(ImageState.ImportFailed)]
    [InlineData(ImageState.SyncFailed)]
    public void R20_only_a_normal_image_is_shared(ImageState state)
    {
        var refused = Share([Bob.Id], image: Engine.JustMade(AlicesImage with { State = state }));

        var failure = Refused.Because<ImageStateInvalid>(refused.Failure, "InvalidParameterValue.InvalidImageState", $"`{state}`");
        Assert.Equal(new ImageStateInvalid(AlicesImage.Id, state, ImageOperation.Share), failure);
    }

    [Fact]
    public void R20_one_bad_account_id_refuses_the_whole_request()
    {
        var stranger = new AccountId("9999999999");

        var refused = Share([Bob.Id, stranger, Carol.Id]);

        var failure = Refused.Because<AccountNotFound>(refused.Failure, "InvalidAccountId.NotFound", "`9999999999`");
        Assert.Equal(new AccountNotFound("9999999999"), failure);
    }

    [Fact]
    public async Task R20_a_refused_request_grants_nothing_to_the_valid_accounts_in_it()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Alice, Guangzhou);

        var refused = await world.Service.ShareImageAsync(new ShareImage(Alice.Id, Guangzhou.Id, image.Id, [Bob.Id, Helper.Id, Carol.Id]));

        Refused.Because<NotMasterAccount>(refused.Failure, "FailedOperation.NotMasterAccount", $"`{Helper.Id}`");
        Assert.Empty((await world.Service.DescribeShareGrantsAsync(new DescribeShareGrants(Alice.Id, Guangzhou.Id, image.Id))).Value);
        Refused.Because<ImageNotFound>((await world.Service.LaunchAsync(new LaunchImage(Bob.Id, Guangzhou.Id, image.Id))).Failure, "InvalidImageId.NotFound", image.Id.Value);
    }

    [Fact]
    public void R20_a_request_without_accounts_is_refused()
    {
        var refused = Share([]);

        // RULES.md is silent; the library answers the provider's MissingParameter.
        var failure = Refused.Because<ParameterMissing>(refused.Failure, "MissingParameter", "`AccountIds`");
        Assert.Equal(new ParameterMissing("AccountIds"), failure);
    }

    [Fact]
    public void R21_sharing_with_50_accounts_in_one_request_is_allowed()
    {
        var recipients = Engine.RootsOf(Guangzhou, 50);

        var shared = Share([.. recipients.Select(r => r.Id)], known: Engine.SamplesAnd(recipients));

        Assert.Equal(50, shared.Value.Grants.Length);
    }

    [Fact]
    public void R21_sharing_with_51_accounts_in_one_request_is_over_quota()
    {
        var recipients = Engine.RootsOf(Guangzhou, 51);

        var refused = Share([.. recipients.Select(r => r.Id)], known: Engine.SamplesAnd(recipients));

        var failure = Refused.Because<ShareQuotaExceeded>(refused.Failure, "OverQuota", "51 accounts, more than the 50 allowed");
        Assert.Equal(new ShareQuotaExceeded(AlicesImage.Id, 50, 51), failure);
    }

    [Fact]
    public void R21_the_50th_grant_is_allowed_and_the_51st_refused_across_requests()
    {
        var holders = Engine.RootsOf(Guangzhou, 49);
        var known = Engine.SamplesAnd(holders);

        var fiftieth = Share([Bob.Id], existing: GrantsTo(AlicesImage, holders), known: known);
        var fiftyFirst = Share([Carol.Id], existing: GrantsTo(AlicesImage, holders.Append(Bob)), known: known);

        Assert.True(fiftieth.IsSuccess, fiftieth.ToString());
        Refused.Because<ShareQuotaExceeded>(fiftyFirst.Failure, "OverQuota", "51");
    }

    [Fact]
    public void R21_under_provider_2025_the_500th_grant_is_allowed_and_the_501st_refused()
    {
        var holders = Engine.RootsOf(Guangzhou, 499);
        var known = Engine.SamplesAnd(holders);

        var fiveHundredth = Share([Bob.Id], existing: GrantsTo(AlicesImage, holders), known: known, policy: Engine.Provider2025);
        var fiveHundredFirst = Share([Carol.Id], existing: GrantsTo(AlicesImage, holders.Append(Bob)), known: known, policy: Engine.Provider2025);

        Assert.True(fiveHundredth.IsSuccess, fiveHundredth.ToString());
        Refused.Because<ShareQuotaExceeded>(fiveHundredFirst.Failure, "OverQuota", "501 accounts, more than the 500 allowed");
    }

    [Fact]
    public void R22_an_account_of_another_region_cannot_receive_a_share()
    {
        var refused = Share([Sam.Id]);

        var failure = Refused.Because<RegionUnsupported>(refused.Failure, "UnsupportedOperation.Region", $"`{Sam.Id}` belongs to region `ap-singapore`");
        Assert.Equal(new RegionUnsupported(Guangzhou.Id, Singapore.Id, Sam.Id), failure);
    }

    [Fact]
    public void R22_the_grant_holds_in_the_images_region_even_when_that_is_not_the_owners_home()
    {
        var inSingapore = CustomImage(Alice, Singapore);

        var grant = Share([Bob.Id], image: inSingapore).Value.Grants.Single();

        Assert.Equal(Singapore.Id, grant.Region);
        Assert.Equal(ImageKind.Shared, ImagePolicy.KindFor(inSingapore, Bob.Id, Singapore.Id, grant));
        Assert.Null(ImagePolicy.KindFor(inSingapore, Bob.Id, Guangzhou.Id, grant));
    }

    [Fact]
    public void R22_accounts_of_the_images_region_are_refused_when_it_is_not_the_owners_home()
    {
        var refused = Share([Sam.Id], image: CustomImage(Alice, Singapore));

        var failure = Refused.Because<RegionUnsupported>(refused.Failure, "UnsupportedOperation.Region", $"`{Sam.Id}`");
        Assert.Equal(new RegionUnsupported(Guangzhou.Id, Singapore.Id, Sam.Id), failure);
    }

    [Fact]
    public void R23_an_image_is_not_shared_with_its_owner()
    {
        var refused = Share([Bob.Id, Alice.Id]);

        Refused.Because<ShareWithSelf>(refused.Failure, "InvalidAccountIs.YourSelf", $"`{Alice.Id}`");
    }

    [Fact]
    public void R23_an_image_is_not_shared_with_a_collaborator_account()
    {
        var refused = Share([Helper.Id]);

        Refused.Because<NotMasterAccount>(refused.Failure, "FailedOperation.NotMasterAccount", $"`{Helper.Id}`");
    }

    [Fact]
    public void R23_an_image_is_not_shared_with_an_unknown_account()
    {
        var refused = Share([new AccountId("123")]);

        Refused.Because<AccountNotFound>(refused.Failure, "InvalidAccountId.NotFound", "`123`");
    }

    [Fact]
    public void R23_an_image_is_not_shared_twice_with_the_same_account()
    {
        var again = Share([Carol.Id, Bob.Id], existing: [Grant(AlicesImage, Bob)]);
        var twiceInOneRequest = Share([Bob.Id, Carol.Id, Bob.Id]);

        Refused.Because<AccountAlreadyShared>(again.Failure, "FailedOperation.AccountAlreadyExists", $"`{Bob.Id}`");
        Refused.Because<AccountAlreadyShared>(twiceInOneRequest.Failure, "FailedOperation.AccountAlreadyExists", $"`{Bob.Id}`");
    }

    /// <summary>Few holders are searched in place, many through a set: both answer the first repeated account (R23).</summary>
    [Theory]
    [InlineData(2)]
    [InlineData(30)]
    public void R23_the_first_account_named_twice_or_already_holding_is_refused_however_many_there_are(int holding)
    {
        var holders = Engine.RootsOf(Guangzhou, holding);
        var known = Engine.SamplesAnd(holders);

        var again = Share([Bob.Id, Carol.Id, holders[^1].Id, holders[0].Id], existing: GrantsTo(AlicesImage, holders), known: known);
        var twiceInOneRequest = Share([.. holders.Select(h => h.Id), Carol.Id, holders[^1].Id, Carol.Id], known: known);

        Assert.Equal(new AccountAlreadyShared(AlicesImage.Id, holders[^1].Id), again.Failure);
        Assert.Equal(new AccountAlreadyShared(AlicesImage.Id, holders[^1].Id), twiceInOneRequest.Failure);
    }

    [Fact]
    public void R25_a_recipient_cannot_share_a_shared_image_again()
    {
        var refused = Share([Carol.Id], caller: Bob, existing: [Grant(AlicesImage, Bob)]);

        var failure = Refused.Because<SharedImageModifyUnsupported>(refused.Failure, "UnsupportedOperation.SharedImageModifyUnsupported", AlicesImage.Id.Value);
        Assert.Equal(new SharedImageModifyUnsupported(AlicesImage.Id, ImageOperation.Share), failure);
    }

    [Fact]
    public void R13_an_account_that_sees_a_public_image_cannot_share_it()
    {
        var image = PublicImage(Guangzhou);

        var refused = Share([Carol.Id], image: image, caller: Bob);

        var failure = Refused.Because<ImageNotOwned>(refused.Failure, "UnauthorizedOperation.ImageNotBelongToAccount", image.Id.Value);
        Assert.Equal(new ImageNotOwned(image.Id, ImageOperation.Share), failure);
    }

    [Fact]
    public void R6_an_account_that_cannot_see_the_image_is_told_it_does_not_exist()
    {
        var refused = Share([Carol.Id], caller: Bob);

        var failure = Refused.Because<ImageNotFound>(refused.Failure, "InvalidImageId.NotFound", AlicesImage.Id.Value);
        Assert.Equal(new ImageNotFound(AlicesImage.Id), failure);
    }
}
