using System.Text;
using System.Text.Json;
using ImageRules.AspNetCore.Tests.Support;
using ImageRules.AspNetCore.Wire;
using static ImageRules.AspNetCore.Tests.Wire.WireTestJson;

namespace ImageRules.AspNetCore.Tests.Wire;

/// <summary>
/// GET requests: the SDK's flattened parameters rebuilt as the JSON a POST carries, then read and validated as a body
/// is, with the same caps and codes.
/// </summary>
public sealed class WireQueryTest
{
    private static string Json(string query)
    {
        var json = WireQuery.ToJson(query, out var error);
        Assert.True(json is not null, error?.Code + ": " + error?.Message);
        return Encoding.UTF8.GetString(json);
    }

    private static WireError Malformed(string query)
    {
        Assert.Null(WireQuery.ToJson(query, out var error));
        return error!;
    }

    [Fact]
    public void ToJson_TheSdksFlattenedNames_AreNestedBackIntoArraysAndObjects()
    {
        var json = Json("Filters.0.Name=image-type&Filters.0.Values.0=PRIVATE_IMAGE&Filters.0.Values.1=PUBLIC_IMAGE&Filters.1.Name=platform&Filters.1.Values.0=CentOS&Limit=20");

        Assert.Equal("""{"Filters":[{"Name":"image-type","Values":["PRIVATE_IMAGE","PUBLIC_IMAGE"]},{"Name":"platform","Values":["CentOS"]}],"Limit":"20"}""", json);
    }

    [Fact]
    public void ToJson_IndicesOutOfOrder_AreReadInIndexOrder()
    {
        Assert.Equal("""{"ImageIds":["a","b","c"]}""", Json("ImageIds.2=c&ImageIds.0=a&ImageIds.1=b"));
    }

    [Theory]
    [InlineData("ImageName=%E9%95%9C%E5%83%8F%20a", "镜像 a")]
    [InlineData("ImageName=a+b", "a b")]
    [InlineData("ImageName=a%2Bb", "a+b")]
    [InlineData("ImageName=", "")]
    [InlineData("ImageName", "")]
    public void ToJson_NamesAndValues_ArePercentDecodedAsAForm(string query, string name)
    {
        using var document = JsonDocument.Parse(Json(query));
        Assert.Equal(name, document.RootElement.GetProperty("ImageName").GetString());
    }

    [Fact]
    public void ToJson_AnEmptyQuery_IsAnEmptyObject()
    {
        Assert.Equal("{}", Json(""));
        Assert.Equal("{}", Json("&&"));
    }

    [Theory]
    [InlineData("Limit=1&Limit=2", "more than once")]
    [InlineData("ImageIds.0=a&ImageIds.0=b", "more than once")]
    [InlineData("Filters=x&Filters.0.Name=y", "inside a parameter given a value")]
    [InlineData("Filters.0.Name=y&Filters=x", "more than once")]
    [InlineData("Filters.0=x&Filters.0.Name=y", "inside a parameter given a value")]
    [InlineData("Filters..Name=x", "empty part")]
    [InlineData("ImageIds.=x", "empty part")]
    [InlineData(".Limit=1", "empty part")]
    [InlineData("ImageIds.1=b", "no `ImageIds.0`")]
    [InlineData("ImageIds.0=a&ImageIds.2=c", "no `ImageIds.1`")]
    [InlineData("ImageIds.00=a", "no `ImageIds.0`")]
    [InlineData("ImageIds.99999999999999999999=a", "no `ImageIds.0`")]
    [InlineData("Filters.0.Name=a&Filters.Name=b", "mixes indices and names")]
    public void ToJson_AnAmbiguousOrGappedName_IsInvalidParameter(string query, string why)
    {
        var error = Malformed(query);

        Assert.Equal(WireErrorCodes.InvalidParameter, error.Code);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_NamesNestedPastTheReadersDepth_AreInvalidParameter()
    {
        Assert.NotNull(WireQuery.ToJson(string.Join('.', Enumerable.Repeat("a", WireRequestReader.MaxDepth)) + "=x", out _));

        var error = Malformed(string.Join('.', Enumerable.Repeat("a", WireRequestReader.MaxDepth + 1)) + "=x");
        Assert.Equal(WireErrorCodes.InvalidParameter, error.Code);
    }

    [Fact]
    public void ToJson_AQueryOf32KB_IsReadAndOneCharacterMoreIsRequestSizeLimitExceeded()
    {
        var filler = "Pad=" + new string('x', WireQuery.MaxQueryBytes - 4);
        Assert.NotNull(WireQuery.ToJson(filler, out _));

        Assert.Equal(WireErrorCodes.RequestSizeLimitExceeded, Malformed(filler + "x").Code);
    }

    // The same request sent both ways: a GET of the flattened parameters reads as the POST of the JSON does, to the
    // same request or the same error code, caps and malformed values included.
    public static TheoryData<string, string> Bodies => new()
    {
        { "DescribeImages", """{"Filters":[{"Name":"image-type","Values":["PRIVATE_IMAGE","SHARED_IMAGE"]}],"Offset":20,"Limit":20}""" },
        { "DescribeImages", """{"ImageIds":["img-8toqc6s3","img-12345678"]}""" },
        { "DescribeImages", """{"ImageIds":["img-8toqc6s3"],"Filters":[{"Name":"platform","Values":["CentOS"]}]}""" },
        { "DescribeImages", "{\"ImageIds\":" + Strings("img", 101) + "}" },
        { "DescribeImages", """{"Filters":[{"Name":"platform","Values":["a","b","c","d","e","f"]}]}""" },
        { "DescribeImages", """{"Filters":[{"Name":"platform"}]}""" },
        { "DescribeImages", """{"Filters":[{"Name":"no-such-filter","Values":["x"]}]}""" },
        { "DescribeImages", """{"Limit":101}""" },
        { "DescribeImages", """{"Limit":-1}""" },
        { "DescribeImages", """{"Limit":"twenty"}""" },
        { "DescribeImages", """{"Limit":[1]}""" },
        { "CreateImage", """{"InstanceId":"ins-2zvx0a1b","ImageName":"镜像 a+b","DryRun":true}""" },
        { "CreateImage", """{"InstanceId":"ins-2zvx0a1b","ImageName":"n","DryRun":false}""" },
        { "CreateImage", """{"InstanceId":"ins-2zvx0a1b","ImageName":"n","DryRun":"yes"}""" },
        { "ModifyImageSharePermission", """{"ImageId":"img-8toqc6s3","AccountIds":["2000000001","2000000002"],"Permission":"SHARE"}""" },
        { "SyncImages", """{"ImageIds":["img-8toqc6s3"],"DestinationRegions":["ap-shanghai"],"ImageSetRequired":true}""" },
        { "RunInstances", """{"Placement":{"Zone":"ap-guangzhou-3"},"ImageId":"img-8toqc6s3","InstanceCount":2,"DataDisks":[{"DiskSize":50}],"TagSpecification":[{"ResourceType":"instance","Tags":[{"Key":"k","Value":"v"}]}]}""" },
        { "RunInstances", """{"Placement":{"Zone":"ap-guangzhou-3"},"ImageId":"img-8toqc6s3","InstanceCount":501}""" },
        { "DescribeRegions", "{}" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void ReadQuery_TheSdksFlattenedParameters_ReadAsTheirJsonBody(string action, string body)
    {
        var posted = Read(action, body);
        var got = WireRequestReader.ReadQuery(action, SdkQuery.Flatten(body));

        Assert.Equal(posted.Error?.Code, got.Error?.Code);
        if (posted.IsSuccess)
        {
            Assert.Equal(Serialized(posted.Request), Serialized(got.Request!));
        }
    }

    [Fact]
    public void ReadQuery_AValueOfTheWrongType_NamesItsParameterAsTheSdkDoes()
    {
        var error = AssertError(WireRequestReader.ReadQuery("DescribeImages", "Filters.0.Name=platform&Filters.0.Values.0.Deep=x"), WireErrorCodes.InvalidParameter);

        Assert.Contains("`Filters.0.Values.0`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadQuery_WithoutAnAction_IsMissingParameter()
    {
        AssertError(WireRequestReader.ReadQuery(null, "Limit=1"), WireErrorCodes.MissingParameter);
    }

    // Lists compare by reference in the records: compare what the request holds, as JSON.
    private static string Serialized(WireRequest request) => JsonSerializer.Serialize(request, request.GetType());
}
