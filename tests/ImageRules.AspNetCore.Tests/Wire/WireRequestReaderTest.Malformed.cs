using System.Text;
using ImageRules.AspNetCore.Wire;
using static ImageRules.AspNetCore.Tests.Wire.WireTestJson;

namespace ImageRules.AspNetCore.Tests.Wire;

/// <summary>Bodies no SDK sends: each is a wire error, never an exception.</summary>
public sealed partial class WireRequestReaderTest
{
    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\t ")]
    public void Read_EmptyBody_IsInvalidParameter(string body)
    {
        var error = AssertError(Read("DescribeImages", body), WireErrorCodes.InvalidParameter);
        Assert.Equal("the request body is empty", error.Message);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("[{}]")]
    [InlineData("\"\"")]
    [InlineData("42")]
    [InlineData("true")]
    public void Read_BodyThatIsNotAnObject_IsInvalidParameter(string body)
    {
        foreach (var action in WireActions.All)
        {
            AssertError(Read(action, body), WireErrorCodes.InvalidParameter);
        }
    }

    [Theory]
    [InlineData("{")]
    [InlineData("""{"ImageIds":["img-1""")]
    [InlineData("""{"ImageIds":["img-1"],""")]
    [InlineData("""{"ImageIds" ["img-1"]}""")]
    [InlineData("""{'ImageIds':['img-1']}""")]
    [InlineData("""{"ImageIds":["img-1"]}}""")]
    [InlineData("""{"ImageIds":["img-1"]} {}""")]
    [InlineData("""{"Limit":01}""")]
    [InlineData("""{"Limit":NaN}""")]
    [InlineData("""{/* comment */}""")]
    [InlineData("""{"ImageIds":["img-1",]}""")]
    public void Read_TruncatedOrInvalidJson_IsInvalidParameter(string body)
    {
        AssertError(Read("DescribeImages", body), WireErrorCodes.InvalidParameter);
    }

    [Fact]
    public void Read_InvalidUtf8_IsInvalidParameter()
    {
        byte[] body = [.. "{\"ImageIds\":[\""u8, 0xC3, 0x28, .. "\"]}"u8];

        AssertError(WireRequestReader.Read("DescribeImages", body), WireErrorCodes.InvalidParameter);
    }

    [Fact]
    public void Read_Utf8ByteOrderMark_IsSkipped()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. "{\"ImageId\":\"img-1\"}"u8];

        Assert.True(WireRequestReader.Read("DescribeImageSharePermission", body).IsSuccess);
    }

    [Theory]
    [InlineData("""{"ImageIds":"img-1"}""", "ImageIds")]
    [InlineData("""{"ImageIds":[1]}""", "ImageIds.0")]
    [InlineData("""{"ImageIds":[["img-1"]]}""", "ImageIds.0")]
    [InlineData("""{"Offset":-1}""", "Offset")]
    [InlineData("""{"Offset":1.5}""", "Offset")]
    [InlineData("""{"Offset":"0"}""", "Offset")]
    [InlineData("""{"Limit":18446744073709551616}""", "Limit")]
    [InlineData("""{"Limit":1e2}""", "Limit")]
    [InlineData("""{"Limit":true}""", "Limit")]
    [InlineData("""{"InstanceType":5}""", "InstanceType")]
    [InlineData("""{"Filters":{"Name":"image-id"}}""", "Filters")]
    [InlineData("""{"Filters":[{"Name":["image-id"],"Values":["v"]}]}""", "Filters.0.Name")]
    [InlineData("""{"Filters":[{"Name":"image-id","Values":"v"}]}""", "Filters.0.Values")]
    public void Read_DescribeImagesValueOfTheWrongType_IsInvalidParameterNamingIt(string body, string parameter)
    {
        var error = AssertError(Read("DescribeImages", body), WireErrorCodes.InvalidParameter);
        Assert.Contains($"`{parameter}`", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DeleteImages", """{"ImageIds":["img-1"],"DryRun":"true"}""")]
    [InlineData("DeleteImages", """{"ImageIds":["img-1"],"DeleteBindedSnap":1}""")]
    [InlineData("RunInstances", """{"Placement":"ap-guangzhou-3","ImageId":"img-1"}""")]
    [InlineData("RunInstances", """{"Placement":{"Zone":"z","ProjectId":"0"},"ImageId":"img-1"}""")]
    [InlineData("RunInstances", """{"Placement":{"Zone":"z"},"ImageId":"img-1","InstanceCount":9223372036854775808}""")]
    [InlineData("RunInstances", """{"Placement":{"Zone":"z"},"ImageId":"img-1","DataDisks":[{"DiskSize":"50"}]}""")]
    [InlineData("ModifyImageAttribute", """{"ImageId":"img-1","ImageDeprecated":"false"}""")]
    [InlineData("ImportImage", """{"Architecture":"x86_64","OsType":"CentOS","OsVersion":7,"ImageUrl":"u","ImageName":"n"}""")]
    [InlineData("CreateImage", """{"ImageName":"n","InstanceId":"i","TagSpecification":[{"ResourceType":"image","Tags":{"Key":"k"}}]}""")]
    public void Read_ValueOfTheWrongType_IsInvalidParameter(string action, string body)
    {
        AssertError(Read(action, body), WireErrorCodes.InvalidParameter);
    }

    [Theory]
    [InlineData("DescribeImages", """{"ImageIds":["img-1",null]}""", "ImageIds.1")]
    [InlineData("DescribeImages", """{"Filters":[null]}""", "Filters.0")]
    [InlineData("DescribeImages", """{"Filters":[{"Name":"image-id","Values":["a",null]}]}""", "Filters.0.Values.1")]
    [InlineData("DeleteImages", """{"ImageIds":[null]}""", "ImageIds.0")]
    [InlineData("SyncImages", """{"ImageIds":["img-1"],"DestinationRegions":[null]}""", "DestinationRegions.0")]
    [InlineData("ModifyImageSharePermission", """{"ImageId":"img-1","AccountIds":["1",null],"Permission":"SHARE"}""", "AccountIds.1")]
    [InlineData("CreateImage", """{"ImageName":"n","SnapshotIds":[null]}""", "SnapshotIds.0")]
    [InlineData("CreateImage", """{"ImageName":"n","InstanceId":"i","DataDiskIds":[null]}""", "DataDiskIds.0")]
    [InlineData("CreateImage", """{"ImageName":"n","InstanceId":"i","TagSpecification":[null]}""", "TagSpecification.0")]
    [InlineData("CreateImage", """{"ImageName":"n","InstanceId":"i","TagSpecification":[{"ResourceType":"image","Tags":[null]}]}""", "TagSpecification.0.Tags.0")]
    [InlineData("RunInstances", """{"Placement":{"Zone":"z","HostIds":[null]},"ImageId":"img-1"}""", "Placement.HostIds.0")]
    [InlineData("RunInstances", """{"Placement":{"Zone":"z"},"ImageId":"img-1","DataDisks":[null]}""", "DataDisks.0")]
    [InlineData("RunInstances", """{"Placement":{"Zone":"z"},"ImageId":"img-1","SecurityGroupIds":[null]}""", "SecurityGroupIds.0")]
    [InlineData("ImportImage", """{"Architecture":"x86_64","OsType":"CentOS","OsVersion":"7","ImageUrl":"u","ImageName":"n","ImportImageDataDiskList":[null]}""", "ImportImageDataDiskList.0")]
    [InlineData("ExportImages", """{"BucketName":"b","FileNamePrefixList":[null]}""", "FileNamePrefixList.0")]
    public void Read_NullInsideAnArray_IsInvalidParameterValueNamingIt(string action, string body, string parameter)
    {
        var error = AssertError(Read(action, body), WireErrorCodes.InvalidParameterValue);
        Assert.Contains($"`{parameter}`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NestingDeeperThanTheMaximum_IsInvalidParameter()
    {
        var depth = WireRequestReader.MaxDepth + 1;
        var body = "{\"Extra\":" + new string('[', depth) + new string(']', depth) + "}";

        AssertError(Read("DescribeImages", body), WireErrorCodes.InvalidParameter);
    }

    [Fact]
    public void Read_NestingAHundredThousandLevels_IsInvalidParameter()
    {
        var body = "{\"ImageIds\":" + new string('[', 100_000) + new string(']', 100_000) + "}";

        AssertError(Read("DescribeImages", body), WireErrorCodes.InvalidParameter);
    }

    [Fact]
    public void Read_NestingWithinTheMaximumInAnUnknownProperty_IsRead()
    {
        var depth = WireRequestReader.MaxDepth - 2;
        var body = "{\"Extra\":" + new string('[', depth) + new string(']', depth) + "}";

        Assert.True(Read("DescribeImages", body).IsSuccess);
    }

    [Fact]
    public void Read_HugeArrayJustUnderTheSizeLimit_IsTheCapErrorNotAnException()
    {
        var builder = new StringBuilder("{\"ImageIds\":[\"a\"");
        while (builder.Length < WireRequestReader.MaxBodyBytes - 16)
        {
            builder.Append(",\"a\"");
        }

        builder.Append("]}");

        AssertError(Read("DeleteImages", builder.ToString()), WireErrorCodes.InvalidParameterValueLimitExceeded);
    }

    [Theory]
    [InlineData("DescribeImage")]
    [InlineData("describeimages")]
    [InlineData("DescribeInstances")]
    [InlineData("DescribeImages ")]
    public void Read_UnknownAction_IsInvalidAction(string action)
    {
        AssertError(Read(action, "{}"), WireErrorCodes.InvalidAction);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Read_NoAction_IsMissingParameter(string? action)
    {
        AssertError(WireRequestReader.Read(action, "{}"u8), WireErrorCodes.MissingParameter);
    }

    [Fact]
    public void Read_DuplicateProperty_IsReadWithTheLastValue()
    {
        var request = AssertRequest<DescribeImageSharePermissionRequest>(Read(
            "DescribeImageSharePermission", """{"ImageId":"img-1","ImageId":"img-2"}"""));

        Assert.Equal("img-2", request.ImageId);
    }
}
