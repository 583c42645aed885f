using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Tests.Policy;

namespace ImageRules.Tests.Domain;

/// <summary>
/// Reading the provider's ids (R7; instance ids R10): through <see cref="Ids"/>, malformed text is a named failure
/// before any lookup, never an exception; through the BCL's <c>Parse</c>, a <see cref="FormatException"/>.
/// </summary>
public class IdTests
{
    /// <summary>How a failure message quotes the text it refuses.</summary>
    private static string Quoted(string? text) => text is null ? "(none)" : $"`{text}`";

    [Theory]
    [InlineData("img-eb30mz89")]
    [InlineData("img-00000000")]
    [InlineData("img-zzzzzzzz")]
    public void R7_well_formed_image_ids_parse_to_their_text(string text)
    {
        var id = Ids.Image(text).Value;

        Assert.Equal(text, id.Value);
        Assert.Equal(text, id.ToString());
        Assert.Equal(new ImageId(text), id);
        Assert.True(ImageId.IsWellFormed(text));
    }

    [Theory]
    [InlineData("img-ABCDEFGH")]
    [InlineData("img-Abcdefgh")]
    [InlineData("img-1234567")]
    [InlineData("img-123456789")]
    [InlineData("IMG-12345678")]
    [InlineData("img_12345678")]
    [InlineData("img12345678")]
    [InlineData("ins-12345678")]
    [InlineData(" img-12345678")]
    [InlineData("img-12345678 ")]
    [InlineData("img-1234-678")]
    [InlineData("img-abcdéfgh")]
    [InlineData("img-１２３４５６７８")]
    [InlineData("img-")]
    [InlineData("ap-")]
    [InlineData("-1")]
    [InlineData("")]
    [InlineData(null)]
    public void R7_malformed_image_ids_are_refused_as_malformed(string? text)
    {
        var refused = Ids.Image(text);

        var failure = Refused.Because<ImageIdMalformed>(refused.Failure, "InvalidImageId.Malformed", Quoted(text));
        Assert.Equal(new ImageIdMalformed(text), failure);
        Assert.False(ImageId.IsWellFormed(text));
    }

    [Fact]
    public void R7_ids_are_equal_and_hash_alike_by_their_text_whatever_string_instance_holds_it()
    {
        // Each id is made from a fresh copy of the text, so equality cannot rest on the strings being the same object.
        static string Copy(string text) => new(text.AsSpan());

        AssertEqualByText(new AccountId(Copy("1038493875")), new AccountId(Copy("1038493875")), new AccountId(Copy("1038493876")));
        AssertEqualByText(new RegionId(Copy("ap-guangzhou")), new RegionId(Copy("ap-guangzhou")), new RegionId(Copy("ap-shanghai")));
        AssertEqualByText(new ImageId(Copy("img-eb30mz89")), new ImageId(Copy("img-eb30mz89")), new ImageId(Copy("img-eb30mz88")));
        Assert.Equal(default(ImageId).GetHashCode(), default(ImageId).GetHashCode());
        Assert.NotEqual(default, new ImageId("img-eb30mz89"));
    }

    private static void AssertEqualByText<T>(T id, T same, T other)
        where T : struct, IEquatable<T>
    {
        Assert.True(id.Equals(same));
        Assert.Equal(id.GetHashCode(), same.GetHashCode());
        Assert.Equal(string.GetHashCode(id.ToString(), StringComparison.Ordinal), id.GetHashCode());
        Assert.False(id.Equals(other));
        Assert.Contains(same, new HashSet<T> { id });
        Assert.DoesNotContain(other, new HashSet<T> { id });
    }

    [Fact]
    public void R7_a_malformed_id_is_quoted_on_one_line_and_cut_when_very_long()
    {
        var multiLine = Ids.Image("img-abc\ndefg");
        var veryLong = Ids.Image("img-" + new string('a', 200));

        Refused.Because<ImageIdMalformed>(multiLine.Failure, "InvalidImageId.Malformed", "`img-abc?defg`");
        var cut = Refused.Because<ImageIdMalformed>(veryLong.Failure, "InvalidImageId.Malformed", "img-aaaa");
        Assert.True(cut.Message.Length < 150, cut.Message);
    }

    [Theory]
    [InlineData("img-ABCDEFGH")]
    [InlineData("")]
    public void R7_making_an_image_id_from_malformed_trusted_text_is_a_programmer_error(string text)
    {
        Assert.Throws<ArgumentException>(() => new ImageId(text));
    }

    [Theory]
    [InlineData("1038493875")]
    [InlineData("0")]
    [InlineData("12345678901234567890")]
    public void R7_well_formed_account_ids_parse_to_their_text(string text)
    {
        var id = Ids.Account(text).Value;

        Assert.Equal(text, id.Value);
        Assert.Equal(new AccountId(text), id);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("1.0")]
    [InlineData("12a")]
    [InlineData(" 123")]
    [InlineData("123456789012345678901")]
    [InlineData("１２３")]
    [InlineData("١٢٣")]
    [InlineData("ap-")]
    [InlineData("")]
    [InlineData(null)]
    public void R7_malformed_account_ids_are_answered_as_unknown_accounts(string? text)
    {
        var refused = Ids.Account(text);

        var failure = Refused.Because<AccountNotFound>(refused.Failure, "InvalidAccountId.NotFound", Quoted(text));
        Assert.Equal(new AccountNotFound(text), failure);
        Assert.Throws<ArgumentException>(() => new AccountId(text!));
    }

    [Theory]
    [InlineData("ap-guangzhou")]
    [InlineData("ap-shanghai-fsi")]
    [InlineData("na-siliconvalley")]
    [InlineData("eu-frankfurt")]
    public void R7_well_formed_regions_parse_to_their_text(string text)
    {
        var id = Ids.Region(text).Value;

        Assert.Equal(text, id.Value);
        Assert.Equal(new RegionId(text), id);
    }

    [Theory]
    [InlineData("ap-")]
    [InlineData("-ap")]
    [InlineData("ap--guangzhou")]
    [InlineData("guangzhou")]
    [InlineData("AP-guangzhou")]
    [InlineData("ap_guangzhou")]
    [InlineData("ap-guangzhou ")]
    [InlineData("ap-guängzhou")]
    [InlineData("-1")]
    [InlineData("")]
    [InlineData(null)]
    public void R7_malformed_regions_are_answered_as_unknown_regions(string? text)
    {
        var refused = Ids.Region(text);

        var failure = Refused.Because<RegionNotFound>(refused.Failure, "InvalidRegion.NotFound", Quoted(text));
        Assert.Equal(new RegionNotFound(text), failure);
        Assert.Throws<ArgumentException>(() => new RegionId(text!));
    }

    [Fact]
    public void R7_a_region_id_longer_than_64_characters_is_malformed()
    {
        var sixtyFour = "ap-" + new string('x', 61);

        Assert.True(Ids.Region(sixtyFour).IsSuccess);
        Assert.IsType<RegionNotFound>(Ids.Region(sixtyFour + "x").Failure);
    }

    [Fact]
    public void R10_a_well_formed_instance_id_parses()
    {
        Assert.Equal("ins-2zvx0a1b", Ids.Instance("ins-2zvx0a1b").Value.Value);
    }

    [Theory]
    [InlineData("ins-ABCDEFGH")]
    [InlineData("ins-1234567")]
    [InlineData("img-12345678")]
    [InlineData("ins-")]
    [InlineData("")]
    [InlineData(null)]
    public void R10_malformed_instance_ids_are_refused_as_malformed(string? text)
    {
        var refused = Ids.Instance(text);

        var failure = Refused.Because<InstanceIdMalformed>(refused.Failure, "InvalidInstanceId.Malformed", Quoted(text));
        Assert.Equal(new InstanceIdMalformed(text), failure);
        Assert.Throws<ArgumentException>(() => new InstanceId(text!));
    }
}
