using ImageRules.Domain;
using ImageRules.Policy;
using static ImageRules.AspNetCore.Tests.Support.ApiHost;

namespace ImageRules.AspNetCore.Tests.Endpoint;

/// <summary>Each rule's refusal over the wire, with the provider's code, and nothing changed by it.</summary>
public sealed partial class ImageApiEndpointTests
{
    [Fact]
    public async Task R11_the_eleventh_image_in_a_region_answers_ImageQuotaLimitExceeded()
    {
        for (var i = 0; i < 10; i++)
        {
            await api.CreateImageAsync($"image-{i}");
        }

        var refused = await api.CallAsync("CreateImage", Json(new { ImageName = "image-10", InstanceId = Instance }));
        var elsewhere = await api.CallAsync("CreateImage", Json(new { ImageName = "image-10", InstanceId = Instance }), region: Shanghai);

        refused.AssertError("ImageQuotaLimitExceeded");
        elsewhere.AssertSuccess();
        Assert.Equal(10, (await api.Images.DescribeQuotaAsync(new DescribeQuota(Owner.Account, new RegionId(Guangzhou)))).Value.Used);
    }

    [Fact]
    public async Task R11_R14_a_copy_into_a_full_region_answers_ImageQuotaLimitExceeded()
    {
        var id = await api.CreateReadyImageAsync("web-server");
        for (var i = 0; i < 10; i++)
        {
            await api.CreateImageAsync($"image-{i}", region: Shanghai);
        }

        var refused = await api.CallAsync("SyncImages", Json(new { ImageIds = new[] { id }, DestinationRegions = new[] { Shanghai } }));

        refused.AssertError("ImageQuotaLimitExceeded");
    }

    [Fact]
    public async Task R12_a_duplicate_or_too_long_name_is_refused_with_its_code()
    {
        await api.CreateImageAsync("web-server");

        (await api.CallAsync("CreateImage", Json(new { ImageName = "web-server", InstanceId = Instance }))).AssertError("InvalidImageName.Duplicate");
        (await api.CallAsync("CreateImage", Json(new { ImageName = new string('n', 61), InstanceId = Instance }))).AssertError("InvalidParameterValue.TooLarge");
        (await api.CallAsync("CreateImage", Json(new { ImageName = "web\u202Eserver", InstanceId = Instance }))).AssertError("InvalidParameterValue");
    }

    [Fact]
    public async Task R21_sharing_past_the_recipient_limit_answers_OverQuota()
    {
        await using var small = await StartAsync(o => o.MaxShareRecipientsPerImage = 1);
        var id = await small.CreateSharedImageAsync("web-server");

        var refused = await small.CallAsync("ModifyImageSharePermission", Json(new { ImageId = id, AccountIds = new[] { Bystander }, Permission = "SHARE" }));

        refused.AssertError("OverQuota");
        Assert.Null(await small.DescribeAsync(id, Abroad));
    }

    [Theory]
    [InlineData("1038493875", "InvalidAccountIs.YourSelf")]
    [InlineData(Collaborator, "FailedOperation.NotMasterAccount")]
    [InlineData("4000000001", "UnsupportedOperation.Region")]
    [InlineData("9999999999", "InvalidAccountId.NotFound")]
    [InlineData("not-an-account", "InvalidAccountId.NotFound")]
    public async Task R22_R23_sharing_with_an_account_that_cannot_receive_it_is_refused_and_grants_nothing(string account, string code)
    {
        var id = await api.CreateReadyImageAsync("web-server");

        var refused = await api.CallAsync("ModifyImageSharePermission", Json(new { ImageId = id, AccountIds = new[] { Recipient.Account.Value, account }, Permission = "SHARE" }));

        refused.AssertError(code);
        Assert.Null(await api.DescribeAsync(id, Recipient));
    }

    [Fact]
    public async Task R23_R24_sharing_twice_and_cancelling_an_absent_grant_are_refused()
    {
        var id = await api.CreateSharedImageAsync("web-server");

        (await api.CallAsync("ModifyImageSharePermission", Json(new { ImageId = id, AccountIds = new[] { Recipient.Account.Value }, Permission = "SHARE" }))).AssertError("FailedOperation.AccountAlreadyExists");
        (await api.CallAsync("ModifyImageSharePermission", Json(new { ImageId = id, AccountIds = new[] { Bystander }, Permission = "CANCEL" }))).AssertError("InvalidAccountId.NotFound");
    }

    [Fact]
    public async Task R20_R16_R30_an_image_still_CREATING_cannot_be_shared_deleted_copied_or_launched()
    {
        var id = await api.CreateImageAsync("web-server");

        (await api.CallAsync("ModifyImageSharePermission", Json(new { ImageId = id, AccountIds = new[] { Recipient.Account.Value }, Permission = "SHARE" }))).AssertError("InvalidParameterValue.InvalidImageState");
        (await api.CallAsync("DeleteImages", Json(new { ImageIds = new[] { id } }))).AssertError("InvalidImageId.IncorrectState");
        (await api.CallAsync("SyncImages", Json(new { ImageIds = new[] { id }, DestinationRegions = new[] { Shanghai } }))).AssertError("InvalidImageId.IncorrectState");
        (await api.CallAsync("RunInstances", Json(new { Placement = new { Zone = "ap-guangzhou-3" }, ImageId = id }))).AssertError("InvalidParameterValue.InvalidImageState");
    }

    [Fact]
    public async Task R25_the_recipient_may_launch_but_not_rename_re_share_copy_or_delete_a_shared_image()
    {
        var id = await api.CreateSharedImageAsync("web-server");

        (await api.CallAsync("ModifyImageAttribute", Json(new { ImageId = id, ImageName = "mine" }), Recipient)).AssertError("UnsupportedOperation.SharedImageModifyUnsupported");
        (await api.CallAsync("ModifyImageSharePermission", Json(new { ImageId = id, AccountIds = new[] { Bystander }, Permission = "SHARE" }), Recipient)).AssertError("UnsupportedOperation.SharedImageModifyUnsupported");
        (await api.CallAsync("SyncImages", Json(new { ImageIds = new[] { id }, DestinationRegions = new[] { Shanghai } }), Recipient)).AssertError("UnsupportedOperation.SharedImageModifyUnsupported");
        var delete = await api.CallAsync("DeleteImages", Json(new { ImageIds = new[] { id } }), Recipient);
        Assert.Contains(delete.Code, new[] { "UnsupportedOperation.SharedImageModifyUnsupported", "UnauthorizedOperation.ImageNotBelongToAccount" });
        (await api.CallAsync("RunInstances", Json(new { Placement = new { Zone = "ap-guangzhou-3" }, ImageId = id }), Recipient)).AssertSuccess();
        Assert.Equal("web-server", (await api.DescribeAsync(id))!.Value.GetProperty("ImageName").GetString());
    }

    [Fact]
    public async Task R6_an_image_the_caller_cannot_see_answers_InvalidImageId_NotFound_in_every_action()
    {
        var id = await api.CreateReadyImageAsync("web-server");

        foreach (var (action, body) in new[]
        {
            ("ModifyImageAttribute", Json(new { ImageId = id, ImageName = "mine" })),
            ("ModifyImageSharePermission", Json(new { ImageId = id, AccountIds = new[] { Bystander }, Permission = "SHARE" })),
            ("DescribeImageSharePermission", Json(new { ImageId = id })),
            ("DeleteImages", Json(new { ImageIds = new[] { id } })),
            ("SyncImages", Json(new { ImageIds = new[] { id }, DestinationRegions = new[] { Shanghai } })),
            ("RunInstances", Json(new { Placement = new { Zone = "ap-guangzhou-3" }, ImageId = id })),
            ("InquiryPriceRunInstances", Json(new { Placement = new { Zone = "ap-guangzhou-3" }, ImageId = id })),
        })
        {
            (await api.CallAsync(action, body, Recipient)).AssertError("InvalidImageId.NotFound");
        }

        Assert.Empty((await DescribeImagesAsync(new { ImageIds = new[] { id } }, Recipient)).GetProperty("ImageSet").EnumerateArray());
        (await api.CallAsync("RunInstances", Json(new { Placement = new { Zone = "ap-shanghai-2" }, ImageId = id }), region: Shanghai)).AssertError("InvalidImageId.NotFound");
    }

    [Theory]
    [InlineData("DescribeImages", """{"ImageIds":["img-NOTVALID"]}""")]
    [InlineData("DeleteImages", """{"ImageIds":["img-1234"]}""")]
    [InlineData("ModifyImageAttribute", """{"ImageId":"image-12345678","ImageName":"n"}""")]
    [InlineData("ModifyImageSharePermission", """{"ImageId":"","AccountIds":["2000000001"],"Permission":"SHARE"}""")]
    [InlineData("DescribeImageSharePermission", """{"ImageId":"img-123456789"}""")]
    [InlineData("SyncImages", """{"ImageIds":["IMG-12345678"],"DestinationRegions":["ap-shanghai"]}""")]
    [InlineData("RunInstances", """{"Placement":{"Zone":"ap-guangzhou-3"},"ImageId":"img-1234567_"}""")]
    [InlineData("InquiryPriceRunInstances", """{"Placement":{"Zone":"ap-guangzhou-3"},"ImageId":"img-"}""")]
    public async Task R7_a_malformed_image_id_answers_InvalidImageId_Malformed(string action, string body)
    {
        (await api.CallAsync(action, body)).AssertError("InvalidImageId.Malformed");
    }

    [Theory]
    [InlineData("CreateImage", """{"ImageName":"n","InstanceId":"ins-1"}""")]
    [InlineData("CreateImage", """{"ImageName":"n","InstanceId":"i-12345678"}""")]
    public async Task R10_a_malformed_instance_id_answers_InvalidInstanceId_Malformed(string action, string body)
    {
        (await api.CallAsync(action, body)).AssertError("InvalidInstanceId.Malformed");
    }

    [Theory]
    [InlineData("ap-nowhere")]
    [InlineData("AP-GUANGZHOU")]
    [InlineData("ap guangzhou")]
    public async Task R7_an_unknown_or_malformed_region_answers_InvalidRegion_NotFound(string region)
    {
        foreach (var (action, body) in new[]
        {
            ("DescribeImages", "{}"),
            ("CreateImage", Json(new { ImageName = "n", InstanceId = Instance })),
            ("DescribeImageQuota", "{}"),
            ("DeleteImages", """{"ImageIds":["img-12345678"]}"""),
            ("RunInstances", Json(new { Placement = new { Zone = region + "-1" }, ImageId = "img-12345678" })),
        })
        {
            (await api.CallAsync(action, body, region: region)).AssertError("InvalidRegion.NotFound");
        }

        var id = await api.CreateReadyImageAsync("web-server");
        (await api.CallAsync("SyncImages", Json(new { ImageIds = new[] { id }, DestinationRegions = new[] { region } }))).AssertError("InvalidRegion.NotFound");
    }

    [Fact]
    public async Task R14_R15_copies_to_the_same_region_across_the_mainland_border_or_where_copy_is_unavailable_are_refused()
    {
        var id = await api.CreateReadyImageAsync("web-server");

        (await api.CallAsync("SyncImages", Json(new { ImageIds = new[] { id }, DestinationRegions = new[] { Guangzhou } }))).AssertError("InvalidRegion.Unavailable");
        (await api.CallAsync("SyncImages", Json(new { ImageIds = new[] { id }, DestinationRegions = new[] { HongKong } }))).AssertError("UnsupportedOperation.Region");
        (await api.CallAsync("SyncImages", Json(new { ImageIds = new[] { id }, DestinationRegions = new[] { "ap-shanghai-fsi" } }))).AssertError("InvalidRegion.Unavailable");
        (await api.CallAsync("SyncImages", Json(new { ImageIds = new[] { id }, DestinationRegions = new[] { Shanghai, HongKong } }))).AssertError("UnsupportedOperation.Region");

        Assert.All(IdsOf(await DescribeImagesAsync(new { Limit = 100 }, region: Shanghai)), i => Assert.True(IsPublic(i), $"a copy {i} was made"));
    }

    [Fact]
    public async Task R18_imports_the_rules_refuse_answer_their_codes()
    {
        const string Url = "https://images-1250000000.cos.ap-guangzhou.myqcloud.com/system";
        object Import(string os, string version, string url, string architecture = "x86_64", bool force = false) =>
            new { Architecture = architecture, OsType = os, OsVersion = version, ImageUrl = url, ImageName = "imported", Force = force };

        (await api.CallAsync("ImportImage", Json(Import("CentOS", "7", Url + ".iso")))).AssertError("InvalidParameterValue.ISOMustImportByForce");
        (await api.CallAsync("ImportImage", Json(Import("FreeBSD", "13", Url + ".qcow2")))).AssertError("InvalidImageOsType.Unsupported");
        (await api.CallAsync("ImportImage", Json(Import("Windows", "2022", Url + ".qcow2")))).AssertError("InvalidImageOsVersion.Unsupported");
        (await api.CallAsync("ImportImage", Json(Import("CentOS", "7", "https://images-1250000000.cos.ap-shanghai.myqcloud.com/system.qcow2")))).AssertError("InvalidParameter.InvalidParameterUrlError");
        (await api.CallAsync("ImportImage", Json(Import("CentOS", "7", Url + ".qcow2", "arm")))).AssertError("InvalidParameterValue");
        (await api.CallAsync("ImportImage", Json(Import("CentOS", "7", Url + ".qcow2", "sparc")))).AssertError("InvalidParameterValue");
        (await api.CallAsync("ImportImage", Json(Import("CentOS", "7", Url + ".qcow2")), region: "sa-saopaulo")).AssertError("InvalidRegion.Unavailable");
    }

    private static bool IsPublic(string imageId) => ProviderCatalogue.Default.PublicImages.Any(i => i.Id.Value == imageId);
}
