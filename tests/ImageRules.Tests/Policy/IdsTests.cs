using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Policy.Failures;

namespace ImageRules.Tests.Policy;

/// <summary>
/// Reading several ids from user input at once (R7, R20): <see cref="Ids"/> reads lists all or nothing, and
/// <see cref="Result.All{T1, T2, T3}"/> combines readers, answering with the first failure in argument order, so a
/// host checks every id before any lookup.
/// </summary>
public class IdsTests
{
    [Fact]
    public void R7_R20_Ids_Accounts_reads_every_account_id_in_order()
    {
        var read = Ids.Accounts(["2000000002", "2000000001", "2000000002"]);

        Assert.Equal<AccountId>([new AccountId("2000000002"), new AccountId("2000000001"), new AccountId("2000000002")], read.Value);
    }

    [Fact]
    public void R7_R20_Ids_Accounts_refuses_the_whole_list_with_the_first_malformed_id()
    {
        var refused = Ids.Accounts(["2000000001", "12a", "-1"]);

        var failure = Refused.Because<AccountNotFound>(refused.Failure, "InvalidAccountId.NotFound", "`12a`");
        Assert.Equal(new AccountNotFound("12a"), failure);
    }

    [Fact]
    public void R7_Ids_Images_reads_every_image_id_or_refuses_with_the_first_malformed_one()
    {
        var read = Ids.Images(["img-eb30mz89", "img-00000000"]);
        var refused = Ids.Images(["img-eb30mz89", null, "img-ABCDEFGH"]);

        Assert.Equal<ImageId>([new ImageId("img-eb30mz89"), new ImageId("img-00000000")], read.Value);
        Assert.Equal(new ImageIdMalformed(null), Refused.Because<ImageIdMalformed>(refused.Failure, "InvalidImageId.Malformed", "(none)"));
    }

    [Fact]
    public void R7_an_empty_list_reads_as_empty_and_a_null_list_is_a_programmer_error()
    {
        Assert.Empty(Ids.Accounts([]).Value);
        Assert.Throws<ArgumentNullException>(() => Ids.Images(null!));
    }

    [Fact]
    public void R7_Result_All_gives_every_value_when_every_id_is_well_formed()
    {
        var read = Result.All(Ids.Account("1038493875"), Ids.Region("ap-guangzhou"), Ids.Image("img-eb30mz89"));

        Assert.Equal((new AccountId("1038493875"), new RegionId("ap-guangzhou"), new ImageId("img-eb30mz89")), read.Value);
    }

    [Theory]
    [InlineData("12a", "ap-", "img-", "InvalidAccountId.NotFound")]
    [InlineData("1038493875", "ap-", "img-", "InvalidRegion.NotFound")]
    [InlineData("1038493875", "ap-guangzhou", "img-", "InvalidImageId.Malformed")]
    public void R7_Result_All_answers_the_first_failure_in_argument_order(string account, string region, string image, string code)
    {
        var three = Result.All(Ids.Account(account), Ids.Region(region), Ids.Image(image));
        var two = Result.All(Ids.Region(region), Ids.Image(image));

        Assert.Equal(code, three.Failure?.Code);
        Assert.Equal(code == "InvalidAccountId.NotFound" ? "InvalidRegion.NotFound" : code, two.Failure?.Code);
    }

    [Fact]
    public void R10_Ids_Instance_reads_an_instance_id_or_refuses_it_as_malformed()
    {
        Assert.Equal(new InstanceId("ins-2zvx0a1b"), Ids.Instance("ins-2zvx0a1b").Value);
        Assert.Equal(new InstanceIdMalformed("ins-"), Ids.Instance("ins-").Failure);
    }
}
