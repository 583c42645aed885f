using System.Globalization;
using System.Text;
using ImageRules.AspNetCore.Wire;
using static ImageRules.AspNetCore.Tests.Wire.WireTestJson;

namespace ImageRules.AspNetCore.Tests.Wire;

/// <summary>Every documented cap at its limit (read) and one over (the provider's code).</summary>
public sealed partial class WireRequestReaderTest
{
    private const string LimitExceeded = WireErrorCodes.InvalidParameterValueLimitExceeded;

    [Theory]
    [InlineData("DescribeImages", "ImageIds", 100, LimitExceeded)]
    [InlineData("DeleteImages", "ImageIds", 100, LimitExceeded)]
    [InlineData("SyncImages", "ImageIds", 1, LimitExceeded)]
    [InlineData("SyncImages", "DestinationRegions", 100, LimitExceeded)]
    [InlineData("ModifyImageSharePermission", "AccountIds", 500, LimitExceeded)]
    public void Read_StringArrayAtItsCap_IsReadAndOneMoreIsRefused(string action, string parameter, int cap, string code)
    {
        AssertRequest<WireRequest>(Read(action, BodyWith(action, parameter, Strings("x", cap))));

        var error = AssertError(Read(action, BodyWith(action, parameter, Strings("x", cap + 1))), code);
        Assert.Contains($"`{parameter}`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DescribeImagesWithTenFilters_IsReadAndElevenAreRefused()
    {
        AssertRequest<DescribeImagesRequest>(Read("DescribeImages", FiltersBody(filters: 10, values: 1)));

        AssertError(Read("DescribeImages", FiltersBody(filters: 11, values: 1)), LimitExceeded);
    }

    [Fact]
    public void Read_DescribeImagesFilterWithFiveValues_IsReadAndSixAreRefused()
    {
        AssertRequest<DescribeImagesRequest>(Read("DescribeImages", FiltersBody(filters: 1, values: 5)));

        var error = AssertError(Read("DescribeImages", FiltersBody(filters: 1, values: 6)), WireErrorCodes.InvalidFilterValueLimitExceeded);
        Assert.Contains("`Filters.0.Values`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DescribeImagesLimitOf100_IsReadAnd101IsRefused()
    {
        Assert.Equal(100UL, AssertRequest<DescribeImagesRequest>(Read("DescribeImages", """{"Limit":100}""")).Limit);

        AssertError(Read("DescribeImages", """{"Limit":101}"""), WireErrorCodes.InvalidParameterValueLimit);
    }

    [Fact]
    public void Read_DescribeImagesWithIdsAndFilters_IsTheCoexistenceError()
    {
        AssertError(
            Read("DescribeImages", """{"ImageIds":["img-1"],"Filters":[{"Name":"image-id","Values":["img-1"]}]}"""),
            WireErrorCodes.InvalidParameterCoexistImageIdsFilters);
    }

    [Fact]
    public void Read_DescribeImagesWithIdsAndAnEmptyFilterList_IsRead()
    {
        AssertRequest<DescribeImagesRequest>(Read("DescribeImages", """{"ImageIds":["img-1"],"Filters":[]}"""));
    }

    [Theory]
    [InlineData("image-id")]
    [InlineData("image-type")]
    [InlineData("image-state")]
    [InlineData("image-name")]
    [InlineData("platform")]
    [InlineData("tag-key")]
    [InlineData("tag-value")]
    [InlineData("tag:env")]
    [InlineData("dedicated-cluster-id")]
    [InlineData("cdc-cache-status")]
    public void Read_DescribeImagesKnownFilter_IsRead(string name)
    {
        AssertRequest<DescribeImagesRequest>(Read("DescribeImages", $$"""{"Filters":[{"Name":"{{name}}","Values":["v"]}]}"""));
    }

    [Theory]
    [InlineData("image-owner")]
    [InlineData("Image-Type")]
    [InlineData("tag:")]
    [InlineData("")]
    [InlineData("zone")]
    public void Read_DescribeImagesUnknownFilter_IsInvalidFilter(string name)
    {
        AssertError(
            Read("DescribeImages", $$"""{"Filters":[{"Name":"{{name}}","Values":["v"]}]}"""),
            WireErrorCodes.InvalidFilter);
    }

    [Theory]
    [InlineData("""{"Filters":[{"Values":["v"]}]}""", "Filters.0.Name")]
    [InlineData("""{"Filters":[{"Name":"image-id"}]}""", "Filters.0.Values")]
    [InlineData("""{"Filters":[{"Name":"image-id","Values":[]}]}""", "Filters.0.Values")]
    public void Read_DescribeImagesFilterWithoutItsParts_IsMissingParameter(string body, string parameter)
    {
        var error = AssertError(Read("DescribeImages", body), WireErrorCodes.MissingParameter);
        Assert.Contains($"`{parameter}`", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RunInstances", 500)]
    [InlineData("InquiryPriceRunInstances", 100)]
    public void Read_InstanceCountAtItsBounds_IsReadAndOutsideIsRange(string action, long max)
    {
        AssertRequest<WireRequest>(Read(action, LaunchBody($"\"InstanceCount\":{max}")));
        AssertRequest<WireRequest>(Read(action, LaunchBody("\"InstanceCount\":1")));

        AssertError(Read(action, LaunchBody($"\"InstanceCount\":{max + 1}")), WireErrorCodes.InvalidParameterValueRange);
        AssertError(Read(action, LaunchBody("\"InstanceCount\":0")), WireErrorCodes.InvalidParameterValueRange);
        AssertError(Read(action, LaunchBody("\"InstanceCount\":-1")), WireErrorCodes.InvalidParameterValueRange);
    }

    [Fact]
    public void Read_RunInstancesMinCountAboveInstanceCount_IsRange()
    {
        AssertRequest<RunInstancesRequest>(Read("RunInstances", LaunchBody("\"InstanceCount\":3,\"MinCount\":3")));

        AssertError(Read("RunInstances", LaunchBody("\"InstanceCount\":3,\"MinCount\":4")), WireErrorCodes.InvalidParameterValueRange);
    }

    [Theory]
    [InlineData("RunInstances")]
    [InlineData("InquiryPriceRunInstances")]
    public void Read_21DataDisks_IsReadAnd22AreRefused(string action)
    {
        AssertRequest<WireRequest>(Read(action, LaunchBody("\"DataDisks\":" + DataDisks(21))));

        AssertError(Read(action, LaunchBody("\"DataDisks\":" + DataDisks(22))), LimitExceeded);
    }

    [Fact]
    public void Read_ClientTokenOf64Characters_IsReadAnd65IsTooLong()
    {
        AssertRequest<RunInstancesRequest>(Read("RunInstances", LaunchBody($"\"ClientToken\":\"{new string('t', 64)}\"")));

        AssertError(
            Read("RunInstances", LaunchBody($"\"ClientToken\":\"{new string('t', 65)}\"")),
            WireErrorCodes.InvalidClientTokenTooLong);
    }

    [Fact]
    public void Read_BodyOfExactlyTheMaximumSize_IsReadAndOneByteMoreIsTooLarge()
    {
        var body = Encoding.UTF8.GetBytes("{}" + new string(' ', WireRequestReader.MaxBodyBytes - 2));

        Assert.True(WireRequestReader.Read("DescribeRegions", body).IsSuccess);

        var tooLarge = new byte[WireRequestReader.MaxBodyBytes + 1];
        AssertError(WireRequestReader.Read("DescribeRegions", tooLarge), WireErrorCodes.RequestSizeLimitExceeded);
    }

    [Fact]
    public void Read_BodyWithTenThousandArrayItems_IsReadAndOneMoreIsRefused()
    {
        string Body(int items) => "{\"ImageId\":\"img-1\",\"Extra\":[" + string.Join(",", Enumerable.Repeat("[0,1]", items / 3))
            + string.Concat(Enumerable.Repeat(",2", items % 3)) + "]}";

        Assert.True(Read("DescribeImageSharePermission", Body(WireLimits.BodyArrayItems)).IsSuccess);

        AssertError(Read("DescribeImageSharePermission", Body(WireLimits.BodyArrayItems + 1)), LimitExceeded);
    }

    [Theory]
    [InlineData("DeleteImages", "{}", "ImageIds")]
    [InlineData("DeleteImages", """{"ImageIds":[]}""", "ImageIds")]
    [InlineData("DeleteImages", """{"ImageIds":null}""", "ImageIds")]
    [InlineData("ModifyImageAttribute", "{}", "ImageId")]
    [InlineData("DescribeImageSharePermission", """{"ImageId":null}""", "ImageId")]
    [InlineData("ModifyImageSharePermission", """{"AccountIds":["1"],"Permission":"SHARE"}""", "ImageId")]
    [InlineData("ModifyImageSharePermission", """{"ImageId":"img-1","Permission":"SHARE"}""", "AccountIds")]
    [InlineData("ModifyImageSharePermission", """{"ImageId":"img-1","AccountIds":["1"]}""", "Permission")]
    [InlineData("SyncImages", """{"DestinationRegions":["ap-shanghai"]}""", "ImageIds")]
    [InlineData("SyncImages", """{"ImageIds":["img-1"]}""", "DestinationRegions")]
    [InlineData("CreateImage", """{"InstanceId":"ins-1"}""", "ImageName")]
    [InlineData("ImportImage", """{"OsType":"CentOS","OsVersion":"7","ImageUrl":"u","ImageName":"n"}""", "Architecture")]
    [InlineData("ImportImage", """{"Architecture":"x86_64","OsVersion":"7","ImageUrl":"u","ImageName":"n"}""", "OsType")]
    [InlineData("ImportImage", """{"Architecture":"x86_64","OsType":"CentOS","ImageUrl":"u","ImageName":"n"}""", "OsVersion")]
    [InlineData("ImportImage", """{"Architecture":"x86_64","OsType":"CentOS","OsVersion":"7","ImageName":"n"}""", "ImageUrl")]
    [InlineData("ImportImage", """{"Architecture":"x86_64","OsType":"CentOS","OsVersion":"7","ImageUrl":"u"}""", "ImageName")]
    [InlineData("ImportImage", """{"Architecture":"x86_64","OsType":"CentOS","OsVersion":"7","ImageUrl":"u","ImageName":"n","ImportImageDataDiskList":[{}]}""", "ImportImageDataDiskList.0.ImageUrl")]
    [InlineData("RunInstances", """{"ImageId":"img-1"}""", "Placement")]
    [InlineData("RunInstances", """{"Placement":{"Zone":"ap-guangzhou-3"}}""", "ImageId")]
    [InlineData("RunInstances", """{"Placement":{},"ImageId":"img-1"}""", "Placement.Zone")]
    [InlineData("RunInstances", """{"Placement":{"Zone":"z"},"ImageId":"img-1","DataDisks":[{"DiskType":"CLOUD_SSD"}]}""", "DataDisks.0.DiskSize")]
    [InlineData("RunInstances", """{"Placement":{"Zone":"z"},"ImageId":"img-1","InstanceChargePrepaid":{}}""", "InstanceChargePrepaid.Period")]
    [InlineData("InquiryPriceRunInstances", """{"ImageId":"img-1"}""", "Placement")]
    [InlineData("CreateImage", """{"ImageName":"n","InstanceId":"i","TagSpecification":[{"Tags":[]}]}""", "TagSpecification.0.ResourceType")]
    [InlineData("CreateImage", """{"ImageName":"n","InstanceId":"i","TagSpecification":[{"ResourceType":"image"}]}""", "TagSpecification.0.Tags")]
    [InlineData("CreateImage", """{"ImageName":"n","InstanceId":"i","TagSpecification":[{"ResourceType":"image","Tags":[{"Value":"v"}]}]}""", "TagSpecification.0.Tags.0.Key")]
    [InlineData("ExportImages", """{"ImageIds":["img-1"]}""", "BucketName")]
    public void Read_RequiredParameterMissing_IsMissingParameter(string action, string body, string parameter)
    {
        var error = AssertError(Read(action, body), WireErrorCodes.MissingParameter);
        Assert.Contains($"`{parameter}`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CreateImageWithNeitherInstanceNorSnapshots_IsSpecifyOneParameter()
    {
        AssertError(Read("CreateImage", """{"ImageName":"n"}"""), WireErrorCodes.InvalidParameterSpecifyOneParameter);
        AssertError(Read("CreateImage", """{"ImageName":"n","SnapshotIds":[]}"""), WireErrorCodes.InvalidParameterSpecifyOneParameter);
    }

    [Fact]
    public void Read_CreateImageWithInstanceAndSnapshots_IsConflict()
    {
        AssertError(
            Read("CreateImage", """{"ImageName":"n","InstanceId":"ins-1","SnapshotIds":["snap-1"]}"""),
            WireErrorCodes.InvalidParameterConflict);
    }

    [Fact]
    public void Read_CreateImageFromSnapshots_IsRead()
    {
        var request = AssertRequest<CreateImageRequest>(Read("CreateImage", """{"ImageName":"n","SnapshotIds":["snap-1","snap-2"]}"""));

        Assert.Equal(new[] { "snap-1", "snap-2" }, request.SnapshotIds);
    }

    [Theory]
    [InlineData("""{"ImageName":"n","InstanceId":"i","ForcePoweroff":"yes"}""")]
    [InlineData("""{"ImageName":"n","InstanceId":"i","Sysprep":"TRUE"}""")]
    public void Read_CreateImageBooleanStringOutsideTrueAndFalse_IsInvalidParameterValue(string body)
    {
        AssertError(Read("CreateImage", body), WireErrorCodes.InvalidParameterValue);
    }

    [Fact]
    public void Read_CreateImageForcePoweroffAsAJsonBoolean_IsTheWrongType()
    {
        AssertError(Read("CreateImage", """{"ImageName":"n","InstanceId":"i","ForcePoweroff":true}"""), WireErrorCodes.InvalidParameter);
    }

    [Theory]
    [InlineData("share")]
    [InlineData("REVOKE")]
    [InlineData("")]
    public void Read_SharePermissionOutsideShareAndCancel_IsInvalidParameterValue(string permission)
    {
        AssertError(
            Read("ModifyImageSharePermission", $$"""{"ImageId":"img-1","AccountIds":["1"],"Permission":"{{permission}}"}"""),
            WireErrorCodes.InvalidParameterValue);
    }

    private static string BodyWith(string action, string parameter, string array) => action switch
    {
        "SyncImages" when parameter == "ImageIds" => $$"""{"ImageIds":{{array}},"DestinationRegions":["ap-shanghai"]}""",
        "SyncImages" => $$"""{"ImageIds":["img-1"],"DestinationRegions":{{array}}}""",
        "ModifyImageSharePermission" => $$"""{"ImageId":"img-1","AccountIds":{{array}},"Permission":"SHARE"}""",
        _ => $$"""{"{{parameter}}":{{array}}}""",
    };

    private static string FiltersBody(int filters, int values) =>
        "{\"Filters\":[" + string.Join(",", Enumerable.Range(0, filters).Select(_ => $$"""{"Name":"image-id","Values":{{Strings("img", values)}}}""")) + "]}";

    private static string LaunchBody(string extra) =>
        $$"""{"Placement":{"Zone":"ap-guangzhou-3"},"ImageId":"img-1",{{extra}}}""";

    private static string DataDisks(int count) =>
        "[" + string.Join(",", Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $$"""{"DiskSize":{{10 + i}}}"""))) + "]";
}
