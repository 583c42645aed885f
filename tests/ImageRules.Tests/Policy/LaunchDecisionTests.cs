using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using static ImageRules.Tests.Support.Sample;

namespace ImageRules.Tests.Policy;

/// <summary>The allocation-free launch decision (R30) says exactly what <see cref="ImagePolicy.Launch"/> says.</summary>
public class LaunchDecisionTests
{
    private static readonly ImagePolicy Policy = Engine.Seed;

    private static readonly Image Shared = CustomImage(Alice, Guangzhou);

    public static TheoryData<string, Image, Account, Region, bool> Situations => new()
    {
        { "public image", PublicImage(Singapore, os: WindowsServer), Bob, Singapore, false },
        { "own image", Shared, Alice, Guangzhou, false },
        { "granted image", Shared, Bob, Guangzhou, true },
        { "ungranted image", Shared, Carol, Guangzhou, false },
        { "granted image in another region", Shared, Bob, Shanghai, true },
        { "image still creating", Shared with { State = ImageState.Creating }, Alice, Guangzhou, false },
    };

    [Theory]
    [MemberData(nameof(Situations))]
    public void R30_decide_launch_agrees_with_launch(string situation, Image image, Account caller, Region region, bool holdsGrant)
    {
        var grant = holdsGrant ? Grant(image, caller) : null;

        var decision = Policy.DecideLaunch(image, caller.Id, region, grant);
        var result = Policy.Launch(image, caller.Id, region, grant);

        Assert.True(decision.IsAllowed == result.IsSuccess, situation);
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
        var hidden = Policy.DecideLaunch(Shared, Carol.Id, Guangzhou, null);
        var creating = Policy.DecideLaunch(Shared with { State = ImageState.Creating }, Alice.Id, Guangzhou, null);

        Assert.Equal((LaunchRefusal.ImageNotFound, ImageNotFound.ErrorCode), (hidden.Refusal, hidden.Code));
        Assert.Equal((LaunchRefusal.InvalidImageState, InvalidImageState.ErrorCode), (creating.Refusal, creating.Code));
    }

    [Fact]
    public void R30_the_default_value_is_not_a_decision()
    {
        var nothing = default(LaunchDecision);

        Assert.False(nothing.IsAllowed);
        Assert.Throws<InvalidOperationException>(() => nothing.ToResult());
    }
}
