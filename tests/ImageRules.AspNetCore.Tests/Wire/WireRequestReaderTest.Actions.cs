using ImageRules.AspNetCore.Wire;
using static ImageRules.AspNetCore.Tests.Wire.WireTestJson;

namespace ImageRules.AspNetCore.Tests.Wire;

/// <summary>
/// Each action's body exactly as tencentcloud-sdk-nodejs-cvm 4.1.316 sends it (captured from the SDK's client against
/// a loopback listener), read into its typed request.
/// </summary>
public sealed partial class WireRequestReaderTest
{
    [Fact]
    public void Read_DescribeImagesByIdsAsTheSdkSendsIt_TypesEveryField()
    {
        var request = AssertRequest<DescribeImagesRequest>(Read(
            "DescribeImages", """{"ImageIds":["img-1","img-2"],"Offset":0,"Limit":20,"InstanceType":"S5.MEDIUM2"}"""));

        Assert.Equal(new[] { "img-1", "img-2" }, request.ImageIds);
        Assert.Null(request.Filters);
        Assert.Equal(0UL, request.Offset);
        Assert.Equal(20UL, request.Limit);
        Assert.Equal("S5.MEDIUM2", request.InstanceType);
    }

    [Fact]
    public void Read_DescribeImagesByFiltersAsTheSdkSendsIt_TypesTheFilters()
    {
        var request = AssertRequest<DescribeImagesRequest>(Read(
            "DescribeImages", """{"Filters":[{"Name":"image-type","Values":["PRIVATE_IMAGE"]}]}"""));

        var filter = Assert.Single(request.Filters!);
        Assert.Equal("image-type", filter.Name);
        Assert.Equal(new[] { "PRIVATE_IMAGE" }, filter.Values);
        Assert.Null(request.ImageIds);
        Assert.Null(request.Limit);
    }

    [Theory]
    [InlineData("DescribeImages")]
    [InlineData("DescribeRegions")]
    [InlineData("DescribeImageQuota")]
    [InlineData("DescribeImportImageOs")]
    [InlineData("DescribeImageFromFamily")]
    public void Read_EmptyObjectAsTheSdkSendsForNoArguments_IsARequest(string action)
    {
        var result = Read(action, "{}");

        Assert.True(result.IsSuccess, result.Error?.Message);
    }

    [Fact]
    public void Read_CreateImageAsTheSdkSendsIt_TypesEveryField()
    {
        var request = AssertRequest<CreateImageRequest>(Read("CreateImage", """
            {"ImageName":"n","InstanceId":"ins-1","ForcePoweroff":"true","Sysprep":"false","DataDiskIds":["disk-1"],
             "DryRun":true,"TagSpecification":[{"ResourceType":"image","Tags":[{"Key":"k","Value":"v"}]}],"ImageFamily":"fam"}
            """));

        Assert.Equal("n", request.ImageName);
        Assert.Equal("ins-1", request.InstanceId);
        Assert.Equal("true", request.ForcePoweroff);
        Assert.Equal("false", request.Sysprep);
        Assert.Equal(new[] { "disk-1" }, request.DataDiskIds);
        Assert.True(request.DryRun);
        var specification = Assert.Single(request.TagSpecification!);
        Assert.Equal("image", specification.ResourceType);
        Assert.Equal(new Tag { Key = "k", Value = "v" }, Assert.Single(specification.Tags!));
        Assert.Equal("fam", request.ImageFamily);
    }

    [Fact]
    public void Read_DeleteImagesAsTheSdkSendsIt_TypesEveryField()
    {
        var request = AssertRequest<DeleteImagesRequest>(Read(
            "DeleteImages", """{"ImageIds":["img-1"],"DeleteBindedSnap":true,"DryRun":false}"""));

        Assert.Equal(new[] { "img-1" }, request.ImageIds);
        Assert.True(request.DeleteBindedSnap);
        Assert.False(request.DryRun);
    }

    [Fact]
    public void Read_ModifyImageAttributeAsTheSdkSendsIt_TypesEveryField()
    {
        var request = AssertRequest<ModifyImageAttributeRequest>(Read("ModifyImageAttribute",
            """{"ImageId":"img-1","ImageName":"x","ImageDescription":"d","ImageFamily":"f","ImageDeprecated":true}"""));

        Assert.Equal(
            new ModifyImageAttributeRequest
            {
                ImageId = "img-1", ImageName = "x", ImageDescription = "d", ImageFamily = "f", ImageDeprecated = true,
            },
            request);
    }

    [Fact]
    public void Read_ModifyImageSharePermissionAsTheSdkSendsIt_TypesEveryField()
    {
        var request = AssertRequest<ModifyImageSharePermissionRequest>(Read("ModifyImageSharePermission",
            """{"ImageId":"img-1","AccountIds":["100000000001"],"Permission":"SHARE"}"""));

        Assert.Equal("img-1", request.ImageId);
        Assert.Equal(new[] { "100000000001" }, request.AccountIds);
        Assert.Equal(ModifyImageSharePermissionRequest.Share, request.Permission);
    }

    [Fact]
    public void Read_DescribeImageSharePermissionAsTheSdkSendsIt_TypesEveryField()
    {
        var request = AssertRequest<DescribeImageSharePermissionRequest>(Read(
            "DescribeImageSharePermission", """{"ImageId":"img-1"}"""));

        Assert.Equal("img-1", request.ImageId);
    }

    [Fact]
    public void Read_SyncImagesAsTheSdkSendsIt_TypesEveryField()
    {
        var request = AssertRequest<SyncImagesRequest>(Read("SyncImages", """
            {"ImageIds":["img-1"],"DestinationRegions":["ap-shanghai"],"DryRun":false,"ImageName":"c",
             "ImageSetRequired":true,"Encrypt":false,"KmsKeyId":"k"}
            """));

        Assert.Equal(new[] { "img-1" }, request.ImageIds);
        Assert.Equal(new[] { "ap-shanghai" }, request.DestinationRegions);
        Assert.False(request.DryRun);
        Assert.Equal("c", request.ImageName);
        Assert.True(request.ImageSetRequired);
        Assert.False(request.Encrypt);
        Assert.Equal("k", request.KmsKeyId);
    }

    [Fact]
    public void Read_ImportImageAsTheSdkSendsIt_TypesEveryField()
    {
        var request = AssertRequest<ImportImageRequest>(Read("ImportImage", """
            {"Architecture":"x86_64","OsType":"CentOS","OsVersion":"7","ImageUrl":"http://b/i.qcow2","ImageName":"imp",
             "ImageDescription":"d","DryRun":true,"Force":false,"TagSpecification":[],"LicenseType":"BYOL",
             "BootMode":"UEFI","ImageFamily":"f","ImportImageDataDiskList":[{"ImageUrl":"http://b/d.qcow2"}]}
            """));

        Assert.Equal("x86_64", request.Architecture);
        Assert.Equal("CentOS", request.OsType);
        Assert.Equal("7", request.OsVersion);
        Assert.Equal("http://b/i.qcow2", request.ImageUrl);
        Assert.Equal("imp", request.ImageName);
        Assert.Equal("d", request.ImageDescription);
        Assert.True(request.DryRun);
        Assert.False(request.Force);
        Assert.Empty(request.TagSpecification!);
        Assert.Equal("BYOL", request.LicenseType);
        Assert.Equal("UEFI", request.BootMode);
        Assert.Equal("f", request.ImageFamily);
        Assert.Equal("http://b/d.qcow2", Assert.Single(request.ImportImageDataDiskList!).ImageUrl);
    }

    [Fact]
    public void Read_InquiryPriceRunInstancesAsTheSdkSendsIt_TypesEveryField()
    {
        var request = AssertRequest<InquiryPriceRunInstancesRequest>(Read("InquiryPriceRunInstances", """
            {"Placement":{"Zone":"ap-guangzhou-3","ProjectId":0},"ImageId":"img-1","InstanceType":"S5.MEDIUM2",
             "InstanceChargeType":"POSTPAID_BY_HOUR","InstanceCount":1}
            """));

        Assert.Equal("ap-guangzhou-3", request.Placement!.Zone);
        Assert.Equal(0L, request.Placement.ProjectId);
        Assert.Equal("img-1", request.ImageId);
        Assert.Equal("S5.MEDIUM2", request.InstanceType);
        Assert.Equal("POSTPAID_BY_HOUR", request.InstanceChargeType);
        Assert.Equal(1L, request.InstanceCount);
    }

    [Fact]
    public void Read_RunInstancesAsTheSdkSendsIt_TypesTheFieldsItUsesAndSkipsTheOthers()
    {
        var request = AssertRequest<RunInstancesRequest>(Read("RunInstances", """
            {"Placement":{"Zone":"ap-guangzhou-3","ProjectId":0,"HostIds":["host-1"]},"ImageId":"img-1",
             "InstanceType":"S5.MEDIUM2","InstanceChargeType":"PREPAID",
             "InstanceChargePrepaid":{"Period":1,"RenewFlag":"NOTIFY_AND_AUTO_RENEW"},
             "SystemDisk":{"DiskType":"CLOUD_SSD","DiskSize":50},
             "DataDisks":[{"DiskType":"CLOUD_SSD","DiskSize":100,"SnapshotId":"snap-1","DeleteWithInstance":true}],
             "InstanceCount":2,"InstanceName":"vm","DryRun":true,"ClientToken":"tok","HostName":"h",
             "LoginSettings":{"Password":"x"},"SecurityGroupIds":["sg-1"],"UserData":"ZWNobw=="}
            """));

        Assert.Equal(new Placement { Zone = "ap-guangzhou-3", ProjectId = 0, HostIds = request.Placement!.HostIds }, request.Placement);
        Assert.Equal(new[] { "host-1" }, request.Placement.HostIds);
        Assert.Equal("img-1", request.ImageId);
        Assert.Equal("S5.MEDIUM2", request.InstanceType);
        Assert.Equal("PREPAID", request.InstanceChargeType);
        Assert.Equal(new InstanceChargePrepaid { Period = 1, RenewFlag = "NOTIFY_AND_AUTO_RENEW" }, request.InstanceChargePrepaid);
        Assert.Equal(new SystemDisk { DiskType = "CLOUD_SSD", DiskSize = 50 }, request.SystemDisk);
        Assert.Equal(
            new DataDisk { DiskType = "CLOUD_SSD", DiskSize = 100, SnapshotId = "snap-1", DeleteWithInstance = true },
            Assert.Single(request.DataDisks!));
        Assert.Equal(2L, request.InstanceCount);
        Assert.Equal("vm", request.InstanceName);
        Assert.True(request.DryRun);
        Assert.Equal("tok", request.ClientToken);
        Assert.Equal("h", request.HostName);
        Assert.Equal(new[] { "sg-1" }, request.SecurityGroupIds);
        Assert.Equal("ZWNobw==", request.UserData);
    }

    [Fact]
    public void Read_RunInstancesWithALaunchTemplate_NeedsNeitherPlacementNorImageId()
    {
        var request = AssertRequest<RunInstancesRequest>(Read(
            "RunInstances", """{"LaunchTemplate":{"LaunchTemplateId":"lt-1","LaunchTemplateVersion":2}}"""));

        Assert.Equal(new LaunchTemplate { LaunchTemplateId = "lt-1", LaunchTemplateVersion = 2 }, request.LaunchTemplate);
    }

    [Fact]
    public void Read_ExportImagesAsTheSdkSendsIt_TypesEveryField()
    {
        var request = AssertRequest<ExportImagesRequest>(Read(
            "ExportImages", """{"BucketName":"b","ImageIds":["img-1"],"ExportFormat":"RAW","DryRun":true}"""));

        Assert.Equal("b", request.BucketName);
        Assert.Equal(new[] { "img-1" }, request.ImageIds);
        Assert.Equal("RAW", request.ExportFormat);
        Assert.True(request.DryRun);
    }

    [Fact]
    public void Read_DescribeImageFromFamilyAsTheSdkSendsIt_TypesEveryField()
    {
        var request = AssertRequest<DescribeImageFromFamilyRequest>(Read("DescribeImageFromFamily", """{"ImageFamily":"f"}"""));

        Assert.Equal("f", request.ImageFamily);
    }

    [Fact]
    public void Read_UnknownPropertiesOfAnyShape_AreSkipped()
    {
        var request = AssertRequest<DescribeImageSharePermissionRequest>(Read("DescribeImageSharePermission", """
            {"ImageId":"img-1","Region":"ap-guangzhou","Extra":{"Deep":[1,{"x":[null,true]}]},"imageid":"lowercase-is-another-name"}
            """));

        Assert.Equal("img-1", request.ImageId);
    }

    [Fact]
    public void Read_NullOptionalProperties_AreAbsent()
    {
        var request = AssertRequest<DescribeImagesRequest>(Read(
            "DescribeImages", """{"ImageIds":null,"Filters":null,"Offset":null,"Limit":null,"InstanceType":null}"""));

        Assert.Equal(new DescribeImagesRequest(), request);
    }

    [Fact]
    public void Read_TheSameRequestAsTheMatchingType_TryGetRequestFindsIt()
    {
        var result = Read("DeleteImages", """{"ImageIds":["img-1"]}""");

        Assert.True(result.TryGetRequest<DeleteImagesRequest>(out var request));
        Assert.Equal(new[] { "img-1" }, request.ImageIds);
        Assert.False(result.TryGetRequest<SyncImagesRequest>(out _));
    }

    [Fact]
    public void Read_EveryAction_HasATypedRequest()
    {
        foreach (var action in WireActions.All)
        {
            var result = Read(action, "{}");

            Assert.True(result.IsSuccess || result.Error.Code == WireErrorCodes.MissingParameter
                || result.Error.Code == WireErrorCodes.InvalidParameterSpecifyOneParameter, action + ": " + result.Error?.Code);
        }
    }
}
