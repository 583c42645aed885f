using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using static ImageRules.Tests.Support.Sample;

namespace ImageRules.Tests.Policy;

/// <summary>
/// The allocation-free launch decision (R30): what it says (allowed, refusal, code, permit) agrees with the result it
/// converts to, and an unknown caller or region is refused before the image is looked at (R7).
/// </summary>
public class LaunchDecisionTests
{
    private static readonly ImagePolicy Policy = Engine.Seed;

    private static readonly Image Shared = CustomImage(Alice, Guangzhou);

    public static TheoryData<string, Image, Account, Region, bool, bool> Situations => new()
    {
        { "public image", PublicImage(Singapore, os: WindowsServer), Bob, Singapore, false, true },
        { "own image", Shared, Alice, Guangzhou, false, true },
        { "granted image", Shared, Bob, Guangzhou, true, true },
        { "ungranted image", Shared, Carol, Guangzhou, false, false },
        { "granted image in another region", Shared, Bob, Shanghai, true, false },
        { "image still creating", Engine.JustMade(Shared with { State = ImageState.Creating }), Alice, Guangzhou, false, false },
    };

    private static LaunchDecision Decide(Image image, Account? caller, Region? region, ShareGrant? grant = null, AccountId? callerId = null, RegionId? regionId = null) =>
        Policy.Decide(
            new LaunchImage(callerId ?? caller!.Id, regionId ?? region!.Id, image.Id),
            Engine.Facts(caller, region, image, grant is null ? [] : [grant]));

    [Theory]
    [MemberData(nameof(Situations))]
    public void R30_the_decision_agrees_with_the_result_it_converts_to(string situation, Image image, Account caller, Region region, bool holdsGrant, bool allowed)
    {
        var grant = holdsGrant ? Grant(image, caller) : null;

        var decision = Decide(image, caller, region, grant);
        var result = decision.ToResult();

        Assert.True(decision.IsAllowed == allowed, situation);
        Assert.Equal(decision.IsAllowed, result.IsSuccess);
        Assert.Equal(result, decision.ToResult());
        if (decision.IsAllowed)
        {
            Assert.Equal(result.Value, decision.Permit);
            Assert.Equal(LaunchRefusal.None, decision.Refusal);
            Assert.Null(decision.Code);
        }
        else
        {
            Assert.Equal(result.Failure!.Code, decision.Code);
            Assert.Throws<InvalidOperationException>(() => decision.Permit);
        }
    }

    [Fact]
    public void R6_refusals_name_their_codes_without_building_a_failure()
    {
        var hidden = Decide(Shared, Carol, Guangzhou);
        var creating = Decide(Engine.JustMade(Shared with { State = ImageState.Creating }), Alice, Guangzhou);

        Assert.Equal((LaunchRefusal.ImageNotFound, new ImageNotFound(Shared.Id).Code), (hidden.Refusal, hidden.Code));
        Assert.Equal((LaunchRefusal.InvalidImageState, new ImageStateInvalid(Shared.Id, ImageState.Creating, ImageOperation.Launch).Code), (creating.Refusal, creating.Code));
        Assert.Equal(new ImageNotFound(Shared.Id), hidden.ToResult().Failure);
        Assert.Equal(new ImageStateInvalid(Shared.Id, ImageState.Creating, ImageOperation.Launch), creating.ToResult().Failure);
    }

    [Fact]
    public void R7_an_unknown_caller_is_refused_as_an_unknown_account()
    {
        var stranger = new AccountId("9999999999");

        var decision = Decide(PublicImage(Guangzhou), caller: null, Guangzhou, callerId: stranger);

        Assert.False(decision.IsAllowed);
        Assert.Equal((LaunchRefusal.AccountNotFound, "InvalidAccountId.NotFound"), (decision.Refusal, decision.Code));
        Assert.Equal(new AccountNotFound(stranger.Value), decision.ToResult().Failure);
    }

    [Fact]
    public void R7_an_unknown_region_is_refused_as_an_unknown_region()
    {
        var atlantis = new RegionId("ap-atlantis");

        var decision = Decide(PublicImage(Guangzhou), Alice, region: null, regionId: atlantis);

        Assert.False(decision.IsAllowed);
        Assert.Equal((LaunchRefusal.RegionNotFound, "InvalidRegion.NotFound"), (decision.Refusal, decision.Code));
        Assert.Equal(new RegionNotFound(atlantis.Value), decision.ToResult().Failure);
    }

    [Fact]
    public void R7_the_caller_is_checked_before_the_region_and_both_before_the_image()
    {
        var stranger = new AccountId("9999999999");
        var hidden = Engine.JustMade(Shared with { State = ImageState.Creating });

        var neither = Decide(hidden, caller: null, region: null, callerId: stranger, regionId: new RegionId("ap-atlantis"));
        var noRegion = Decide(hidden, Carol, region: null, regionId: new RegionId("ap-atlantis"));

        Assert.Equal(LaunchRefusal.AccountNotFound, neither.Refusal);
        Assert.Equal(LaunchRefusal.RegionNotFound, noRegion.Refusal);
    }

    [Fact]
    public void R6_R7_facts_about_another_caller_region_or_image_decide_as_getting_the_image_does()
    {
        var request = new LaunchImage(Alice.Id, Guangzhou.Id, Shared.Id);
        var other = CustomImage(Alice, Guangzhou, "img-other001");
        var facts = Engine.Facts(Alice, Guangzhou, Shared);
        var mismatched = new[]
        {
            facts with { Caller = Bob },
            facts with { Region = Shanghai },
            facts with { Image = other },
        };

        foreach (var wrong in mismatched)
        {
            var launch = Policy.Decide(request, wrong).ToResult();
            var get = Policy.Decide(new GetImage(request.Caller, request.Region, request.ImageId), wrong);

            Assert.False(launch.IsSuccess, $"launch allowed on {wrong}");
            Assert.Equal(get.Failure, launch.Failure);
        }
    }

    [Fact]
    public void R30_the_default_value_is_not_a_decision()
    {
        var nothing = default(LaunchDecision);

        Assert.False(nothing.IsAllowed);
        Assert.Throws<InvalidOperationException>(() => nothing.ToResult());
    }
}
