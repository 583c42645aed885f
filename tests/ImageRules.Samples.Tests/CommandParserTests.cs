using ImageRules.Domain;
using ImageRules.Policy.Failures;
using ImageRules.Samples.ImageShell;

namespace ImageRules.Samples.Tests;

public sealed class CommandParserTests
{
    [Theory]
    [InlineData("launch img-BAD00000", typeof(ImageIdMalformed), "InvalidImageId.Malformed")]
    [InlineData("share img-00000001 with 2000000001 20000000x2", typeof(AccountNotFound), "InvalidAccountId.NotFound")]
    [InlineData("use account alice", typeof(AccountNotFound), "InvalidAccountId.NotFound")]
    [InlineData("images --region Guangzhou", typeof(RegionNotFound), "InvalidRegion.NotFound")]
    [InlineData("copy img-00000001 to shanghai", typeof(RegionNotFound), "InvalidRegion.NotFound")]
    public void R7_malformed_ids_are_refused_by_the_library_reader_with_its_code(string line, Type failure, string code)
    {
        var parsed = CommandParser.Parse(line);

        Assert.True(parsed.IsT2, $"expected a failure, got {parsed.Value}");
        Assert.IsType(failure, parsed.AsT2);
        Assert.Equal(code, parsed.AsT2.Code);
    }

    [Fact]
    public void R10_a_malformed_instance_id_is_InvalidInstanceId_Malformed()
    {
        var parsed = CommandParser.Parse("create web-server --instance i-123");

        Assert.IsType<InstanceIdMalformed>(parsed.AsT2);
    }

    [Theory]
    [InlineData("frobnicate img-00000001", "unknown command `frobnicate`")]
    [InlineData("use acount 2000000001", "usage: use account <id> | use region <region>")]
    [InlineData("launch", "missing words")]
    [InlineData("delete img-00000001 img-00000002", "unexpected `img-00000002`")]
    [InlineData("copy img-00000001 into ap-shanghai", "expected `to`")]
    [InlineData("share img-00000001 to 2000000001", "expected `with`")]
    [InlineData("images --kind private", "kind `private` is not public, custom or shared")]
    [InlineData("images --owner 2000000001", "unknown option `--owner`")]
    [InlineData("quota --region", "option `--region` needs a value")]
    [InlineData("create \"web server", "a double quote is not closed")]
    [InlineData("add account 5000000001 ap-guangzhou admin", "`admin` is not root or collaborator")]
    public void R7_unreadable_lines_are_usage_errors_before_any_lookup(string line, string problem)
    {
        var parsed = CommandParser.Parse(line);

        Assert.True(parsed.IsT1, $"expected a usage error, got {parsed.Value}");
        Assert.Contains(problem, parsed.AsT1.Message);
    }

    [Fact]
    public void R20_share_keeps_every_recipient_in_order_and_the_region_option()
    {
        var share = Assert.IsType<ShellCommand.Share>(CommandParser.Parse("share img-00000001 with 2000000001 2000000002 --region ap-shanghai").AsT0);

        Assert.Equal(new ImageId("img-00000001"), share.Image);
        Assert.Equal<AccountId>([new AccountId("2000000001"), new AccountId("2000000002")], share.Accounts);
        Assert.Equal(new RegionId("ap-shanghai"), share.Region);
    }

    [Fact]
    public void R24_unshare_names_accounts_or_all()
    {
        var some = Assert.IsType<ShellCommand.Unshare>(CommandParser.Parse("unshare img-00000001 with 2000000001").AsT0);
        var all = Assert.IsType<ShellCommand.Unshare>(CommandParser.Parse("unshare img-00000001 all").AsT0);

        Assert.False(some.All);
        Assert.Equal<AccountId>([new AccountId("2000000001")], some.Accounts);
        Assert.True(all.All);
    }

    [Fact]
    public void R2_images_reads_the_kind_and_a_quoted_name_filter()
    {
        var images = Assert.IsType<ShellCommand.ListImages>(CommandParser.Parse("images --kind Shared --name \"web server\"").AsT0);

        Assert.Equal(new ShellCommand.ListImages(null, ImageKind.Shared, "web server"), images);
    }

    [Fact]
    public void R23_add_account_reads_a_collaborator()
    {
        var add = Assert.IsType<ShellCommand.AddAccount>(CommandParser.Parse("add account 5000000001 ap-guangzhou collaborator").AsT0);

        Assert.Equal(new ShellCommand.AddAccount(new AccountId("5000000001"), new RegionId("ap-guangzhou"), AccountKind.Collaborator), add);
    }
}
