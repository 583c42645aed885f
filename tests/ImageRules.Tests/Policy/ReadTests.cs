using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using static ImageRules.Tests.Support.Sample;

namespace ImageRules.Tests.Policy;

/// <summary>
/// The engine's reads, decided on the facts like every write: who may see an image's grants (R27), how much of the
/// quota an account uses (R11), and one image as the caller sees it (R1, R6); an unknown caller or region is refused
/// first (R7).
/// </summary>
public class ReadTests
{
    private static readonly Image AlicesImage = CustomImage(Alice, Guangzhou);
    private static readonly ShareGrant ToBob = Grant(AlicesImage, Bob);
    private static readonly ShareGrant ToCarol = Grant(AlicesImage, Carol);

    /// <summary>The engine's answer to <paramref name="caller"/> asking, in <paramref name="region"/>, for the grants of <paramref name="image"/>, which has <paramref name="grants"/> (Bob's and Carol's).</summary>
    private static Result<System.Collections.Immutable.ImmutableArray<ShareGrant>> Grants(Account caller, Region region, Image? image = null, IEnumerable<ShareGrant>? grants = null)
    {
        var asked = image ?? AlicesImage;
        return Engine.Seed.Decide(new DescribeShareGrants(caller.Id, region.Id, asked.Id), Engine.Facts(caller, region, asked, grants ?? [ToBob, ToCarol]));
    }

    [Fact]
    public void R27_the_owner_sees_every_grant()
    {
        Assert.Equal<ShareGrant>([ToBob, ToCarol], Grants(Alice, Guangzhou).Value);
    }

    [Fact]
    public void R27_a_recipient_sees_only_its_own_grant_never_the_other_recipients()
    {
        Assert.Equal<ShareGrant>([ToBob], Grants(Bob, Guangzhou).Value);
        Assert.Equal<ShareGrant>([ToCarol], Grants(Carol, Guangzhou).Value);
    }

    [Fact]
    public void R6_R27_an_account_that_holds_no_grant_is_told_the_image_does_not_exist()
    {
        var refused = Grants(Helper, Guangzhou);

        Assert.Equal(new ImageNotFound(AlicesImage.Id), Refused.Because<ImageNotFound>(refused.Failure, "InvalidImageId.NotFound", AlicesImage.Id.Value));
    }

    [Fact]
    public void R5_R27_a_recipient_asking_from_another_region_is_told_the_image_does_not_exist()
    {
        var refused = Grants(Bob, Shanghai);

        Assert.Equal(new ImageNotFound(AlicesImage.Id), refused.Failure);
    }

    [Fact]
    public void R3_R27_a_public_image_has_no_grants_for_anyone()
    {
        Assert.Empty(Grants(Bob, Guangzhou, PublicImage(Guangzhou), grants: []).Value);
    }

    [Fact]
    public void R27_an_image_without_grants_shows_none_to_its_owner()
    {
        Assert.Empty(Grants(Alice, Guangzhou, grants: []).Value);
    }

    [Fact]
    public void R7_R27_an_unknown_caller_or_region_is_refused_before_the_image_is_looked_at()
    {
        var stranger = new AccountId("9999999999");
        var atlantis = new RegionId("ap-atlantis");

        var noCaller = Engine.Seed.Decide(new DescribeShareGrants(stranger, Guangzhou.Id, AlicesImage.Id), Engine.Facts(null, Guangzhou, AlicesImage, [ToBob]));
        var noRegion = Engine.Seed.Decide(new DescribeShareGrants(Alice.Id, atlantis, AlicesImage.Id), Engine.Facts(Alice, null, AlicesImage, [ToBob]));

        Assert.Equal(new AccountNotFound(stranger.Value), noCaller.Failure);
        Assert.Equal(new RegionNotFound(atlantis.Value), noRegion.Failure);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(10)]
    public void R11_the_quota_counts_every_image_of_the_callers_catalogue_in_the_region(int held)
    {
        var catalogue = CustomImages(Alice, Guangzhou, held).Select((image, i) => image with { State = Enum.GetValues<ImageState>()[i % 7] });

        var quota = Engine.Seed.Decide(new DescribeQuota(Alice.Id, Guangzhou.Id), Engine.Facts(Alice, Guangzhou, catalogue: catalogue)).Value;

        Assert.Equal(new QuotaUsage(Alice.Id, Guangzhou.Id, held, 10), quota);
        Assert.Equal(10 - held, quota.Remaining);
    }

    [Fact]
    public void R11_the_quota_reports_the_limit_in_force()
    {
        var quota = Engine.Provider2025.Decide(new DescribeQuota(Bob.Id, Shanghai.Id), Engine.Facts(Bob, Shanghai)).Value;
        var scaled = Engine.With(o => o.MaxCustomImagesPerRegion = 2)
            .Decide(new DescribeQuota(Bob.Id, Shanghai.Id), Engine.Facts(Bob, Shanghai, catalogue: CustomImages(Bob, Shanghai, 3))).Value;

        Assert.Equal((0, 500, 500), (quota.Used, quota.Limit, quota.Remaining));
        Assert.Equal((3, 2, 0), (scaled.Used, scaled.Limit, scaled.Remaining));
    }

    [Fact]
    public void R7_R11_the_quota_of_an_unknown_caller_or_in_an_unknown_region_is_refused()
    {
        var stranger = new AccountId("9999999999");
        var atlantis = new RegionId("ap-atlantis");

        var noCaller = Engine.Seed.Decide(new DescribeQuota(stranger, Guangzhou.Id), Engine.Facts(null, Guangzhou));
        var noRegion = Engine.Seed.Decide(new DescribeQuota(Alice.Id, atlantis), Engine.Facts(Alice, null));

        Assert.Equal(new AccountNotFound(stranger.Value), Refused.Because<AccountNotFound>(noCaller.Failure, "InvalidAccountId.NotFound", "`9999999999`"));
        Assert.Equal(new RegionNotFound(atlantis.Value), Refused.Because<RegionNotFound>(noRegion.Failure, "InvalidRegion.NotFound", "`ap-atlantis`"));
    }

    [Fact]
    public void R1_one_image_comes_with_its_kind_for_the_caller()
    {
        var facts = Engine.Facts(Bob, Guangzhou, AlicesImage, [ToBob]);

        var seen = Engine.Seed.Decide(new GetImage(Bob.Id, Guangzhou.Id, AlicesImage.Id), facts).Value;

        Assert.Equal(new VisibleImage(AlicesImage, ImageKind.Shared), seen);
        Assert.True(seen.IsUntrustedSource);
    }

    [Fact]
    public void R6_an_image_the_facts_do_not_hold_is_not_found()
    {
        var missing = new ImageId("img-missing1");

        var refused = Engine.Seed.Decide(new GetImage(Alice.Id, Guangzhou.Id, missing), Engine.Facts(Alice, Guangzhou));

        Assert.Equal(new ImageNotFound(missing), refused.Failure);
    }
}
