using System.Text.Json;
using System.Text.RegularExpressions;
using static ImageRules.AspNetCore.Tests.Support.ApiHost;

namespace ImageRules.AspNetCore.Tests.Endpoint;

/// <summary>Every action's happy path, and its answer in the SDK model's names, types and casing.</summary>
public sealed partial class ImageApiEndpointTests
{
    /// <summary>The fields of the SDK's <c>Image</c> (tencentcloud-sdk-nodejs-cvm 4.1.316) that every image carries.</summary>
    private static readonly string[] ImageFields =
    [
        "ImageId", "OsName", "ImageType", "CreatedTime", "ImageName", "ImageDescription", "ImageSize", "Architecture",
        "ImageState", "Platform", "ImageCreator", "ImageSource", "SyncPercent", "IsSupportCloudinit", "SnapshotSet", "Tags",
        "LicenseType", "ImageFamily", "ImageDeprecated",
    ];

    [Fact]
    public async Task DescribeImages_answers_a_page_of_public_images_in_the_sdk_model()
    {
        var answer = await DescribeImagesAsync(new { Filters = new[] { new { Name = "image-type", Values = new[] { "PUBLIC_IMAGE" } } }, Limit = 5 });

        Assert.Equal(JsonValueKind.Number, answer.GetProperty("TotalCount").ValueKind);
        Assert.Equal(9, answer.GetProperty("TotalCount").GetInt32());
        var images = answer.GetProperty("ImageSet").EnumerateArray().ToList();
        Assert.Equal(5, images.Count);
        Assert.All(images, image =>
        {
            AssertImageShape(image);
            Assert.Equal("PUBLIC_IMAGE", image.GetProperty("ImageType").GetString());
            Assert.Equal("NORMAL", image.GetProperty("ImageState").GetString());
            Assert.Equal("OFFICIAL", image.GetProperty("ImageSource").GetString());
            Assert.Equal("2025-01-01T00:00:00Z", image.GetProperty("CreatedTime").GetString());
        });
    }

    [Fact]
    public async Task DescribeImages_spells_architectures_as_the_sdk_model_does()
    {
        var answer = await DescribeImagesAsync(new { Limit = 100 });

        var architectures = answer.GetProperty("ImageSet").EnumerateArray().Select(i => i.GetProperty("Architecture").GetString()).ToHashSet();
        Assert.Equal(["arm", "i386", "x86_64"], architectures.Order());
    }

    [Fact]
    public async Task CreateImage_answers_the_new_id_and_the_image_starts_CREATING_as_the_callers_own()
    {
        api.Clock.Advance(TimeSpan.FromSeconds(1.25));

        var answer = await api.CallAsync("CreateImage", Json(new { ImageName = "web-server", InstanceId = Instance, ImageDescription = "nginx" }));

        var id = answer.String("ImageId");
        Assert.Matches("^img-[a-z0-9]{8}$", id);
        var image = (await api.DescribeAsync(id))!.Value;
        AssertImageShape(image);
        Assert.Equal("CREATING", image.GetProperty("ImageState").GetString());
        Assert.Equal("PRIVATE_IMAGE", image.GetProperty("ImageType").GetString());
        Assert.Equal("CREATE_IMAGE", image.GetProperty("ImageSource").GetString());
        Assert.Equal("web-server", image.GetProperty("ImageName").GetString());
        Assert.Equal("nginx", image.GetProperty("ImageDescription").GetString());
        Assert.Equal(Owner.Account.Value, image.GetProperty("ImageCreator").GetString());
        Assert.Equal("2026-01-01T00:00:01Z", image.GetProperty("CreatedTime").GetString());
        Assert.Equal(0, image.GetProperty("SyncPercent").GetInt32());
    }

    [Fact]
    public async Task DescribeImageQuota_answers_ImageNumQuota_of_the_profile()
    {
        var seed = await api.CallAsync("DescribeImageQuota", "{}");
        await using var provider2025 = await StartAsync(o => o.Profile = Policy.ImageRulesProfile.Provider2025);
        var current = await provider2025.CallAsync("DescribeImageQuota", "{}");

        Assert.Equal(10, seed.AssertSuccess().GetProperty("ImageNumQuota").GetInt64());
        Assert.Equal(500, current.AssertSuccess().GetProperty("ImageNumQuota").GetInt64());
        Assert.Equal(["ImageNumQuota", "RequestId"], seed.Response.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task DescribeRegions_answers_every_region_of_the_world()
    {
        var answer = (await api.CallAsync("DescribeRegions", "{}")).AssertSuccess();

        Assert.Equal(17, answer.GetProperty("TotalCount").GetInt32());
        var regions = answer.GetProperty("RegionSet").EnumerateArray().ToList();
        Assert.Equal(17, regions.Count);
        var guangzhou = Assert.Single(regions, r => r.GetProperty("Region").GetString() == Guangzhou);
        Assert.Equal("South China (Guangzhou)", guangzhou.GetProperty("RegionName").GetString());
        Assert.All(regions, r => Assert.Equal("AVAILABLE", r.GetProperty("RegionState").GetString()));
    }

    [Fact]
    public async Task DescribeImportImageOs_answers_what_ImportImage_accepts_each_listed_system_and_version_imports()
    {
        var answer = (await api.CallAsync("DescribeImportImageOs", "{}")).AssertSuccess();

        var supported = answer.GetProperty("ImportImageOsListSupported");
        var types = supported.GetProperty("Linux").EnumerateArray().Concat(supported.GetProperty("Windows").EnumerateArray()).Select(t => t.GetString()!).ToList();
        Assert.Contains("CentOS", types);
        var versions = answer.GetProperty("ImportImageOsVersionSet").EnumerateArray().ToList();
        Assert.NotEmpty(versions);

        // A client picks OsType from the first list and OsVersion from the second (SDK: "通过DescribeImportImageOs获取").
        foreach (var type in types)
        {
            var listed = Assert.Single(versions, v => v.GetProperty("OsName").GetString() == type);
            foreach (var version in listed.GetProperty("OsVersions").EnumerateArray())
            {
                foreach (var architecture in listed.GetProperty("Architecture").EnumerateArray())
                {
                    var dryRun = await api.CallAsync("ImportImage", Json(new
                    {
                        Architecture = architecture.GetString(), OsType = type, OsVersion = version.GetString(),
                        ImageUrl = "https://images-1250000000.cos.ap-guangzhou.myqcloud.com/system.qcow2", ImageName = "imported", DryRun = true,
                    }));
                    dryRun.AssertError("DryRunOperation");
                }
            }
        }
    }

    [Fact]
    public async Task ImportImage_answers_the_new_id_and_the_image_starts_IMPORTING_then_becomes_NORMAL()
    {
        var answer = await api.CallAsync("ImportImage", Json(new
        {
            Architecture = "x86_64", OsType = "CentOS", OsVersion = "7", ImageName = "imported",
            ImageUrl = "https://images-1250000000.cos.ap-guangzhou.myqcloud.com/centos-7.qcow2",
        }));

        var id = answer.String("ImageId");
        var image = (await api.DescribeAsync(id))!.Value;
        AssertImageShape(image);
        Assert.Equal("IMPORTING", image.GetProperty("ImageState").GetString());
        Assert.Equal("EXTERNAL_IMPORT", image.GetProperty("ImageSource").GetString());
        Assert.Equal("CentOS", image.GetProperty("Platform").GetString());
        await api.AdvanceAsync(ReadyAfter);
        await api.WaitForStateAsync(id, "NORMAL");
    }

    [Fact]
    public async Task ModifyImageAttribute_renames_and_re_describes_and_answers_the_request_id_only()
    {
        var id = await api.CreateReadyImageAsync("web-server");

        var answer = await api.CallAsync("ModifyImageAttribute", Json(new { ImageId = id, ImageName = "web-server-2", ImageDescription = "v2" }));

        Assert.Equal(["RequestId"], answer.AssertSuccess().EnumerateObject().Select(p => p.Name));
        var image = (await api.DescribeAsync(id))!.Value;
        Assert.Equal("web-server-2", image.GetProperty("ImageName").GetString());
        Assert.Equal("v2", image.GetProperty("ImageDescription").GetString());
    }

    [Fact]
    public async Task ModifyImageSharePermission_and_DescribeImageSharePermission_answer_in_the_sdk_model()
    {
        var id = await api.CreateReadyImageAsync("web-server");
        api.Clock.Advance(TimeSpan.FromSeconds(5));

        var shared = await api.CallAsync("ModifyImageSharePermission", Json(new { ImageId = id, AccountIds = new[] { Recipient.Account.Value, Bystander }, Permission = "SHARE" }));
        var described = await api.CallAsync("DescribeImageSharePermission", Json(new { ImageId = id }));

        Assert.Equal(["RequestId"], shared.AssertSuccess().EnumerateObject().Select(p => p.Name));
        var grants = described.AssertSuccess().GetProperty("SharePermissionSet").EnumerateArray().ToList();
        Assert.Equal([Recipient.Account.Value, Bystander], grants.Select(g => g.GetProperty("AccountId").GetString()).Order());
        Assert.All(grants, g => Assert.Equal("2026-01-01T00:00:15Z", g.GetProperty("CreatedTime").GetString()));
    }

    [Fact]
    public async Task SyncImages_answers_the_copies_ids_only_when_ImageSetRequired()
    {
        var id = await api.CreateReadyImageAsync("web-server");

        var quiet = await api.CallAsync("SyncImages", Json(new { ImageIds = new[] { id }, DestinationRegions = new[] { Shanghai } }));
        var told = await api.CallAsync("SyncImages", Json(new { ImageIds = new[] { id }, DestinationRegions = new[] { "ap-beijing", "ap-nanjing" }, ImageSetRequired = true, ImageName = "web-copy" }));

        Assert.Equal(["RequestId"], quiet.AssertSuccess().EnumerateObject().Select(p => p.Name));
        var copies = told.AssertSuccess().GetProperty("ImageSet").EnumerateArray().ToList();
        Assert.Equal(["ap-beijing", "ap-nanjing"], copies.Select(c => c.GetProperty("Region").GetString()));
        foreach (var copy in copies)
        {
            var image = (await api.DescribeAsync(copy.GetProperty("ImageId").GetString()!, region: copy.GetProperty("Region").GetString()!))!.Value;
            Assert.Equal("web-copy", image.GetProperty("ImageName").GetString());
            Assert.Equal("SYNCING", image.GetProperty("ImageState").GetString());
        }

        var quietCopy = Assert.Single(IdsOf(await DescribeImagesAsync(new { Filters = new[] { new { Name = "image-type", Values = new[] { "PRIVATE_IMAGE" } } } }, region: Shanghai)));
        Assert.Equal("web-server", (await api.DescribeAsync(quietCopy, region: Shanghai))!.Value.GetProperty("ImageName").GetString());
    }

    [Fact]
    public async Task DeleteImages_deletes_every_image_given_and_answers_the_request_id_only()
    {
        var first = await api.CreateReadyImageAsync("first");
        var second = await api.CreateReadyImageAsync("second");

        var answer = await api.CallAsync("DeleteImages", Json(new { ImageIds = new[] { first, second } }));

        Assert.Equal(["RequestId"], answer.AssertSuccess().EnumerateObject().Select(p => p.Name));
        Assert.Null(await api.DescribeAsync(first));
        Assert.Null(await api.DescribeAsync(second));
    }

    [Fact]
    public async Task InquiryPriceRunInstances_answers_Price_InstancePrice_per_hour()
    {
        var image = await PublicImageAsync("TencentOS Server 3.1 (TK4)");

        var answer = await api.CallAsync("InquiryPriceRunInstances", Json(new { Placement = new { Zone = "ap-guangzhou-3" }, ImageId = image, InstanceType = "S5.MEDIUM2" }));

        var price = answer.AssertSuccess().GetProperty("Price").GetProperty("InstancePrice");
        Assert.Equal(0.12, price.GetProperty("UnitPrice").GetDouble(), 6);
        Assert.Equal(0.12, price.GetProperty("UnitPriceDiscount").GetDouble(), 6);
        Assert.Equal("HOUR", price.GetProperty("ChargeUnit").GetString());
    }

    [Fact]
    public async Task RunInstances_answers_one_instance_id_per_instance_asked_for()
    {
        var image = await PublicImageAsync("Ubuntu Server 22.04");

        var one = await api.CallAsync("RunInstances", Json(new { Placement = new { Zone = "ap-guangzhou-3" }, ImageId = image }));
        var many = await api.CallAsync("RunInstances", Json(new { Placement = new { Zone = "ap-guangzhou-6" }, ImageId = image, InstanceCount = 500, InstanceChargeType = "PREPAID", InstanceChargePrepaid = new { Period = 1 } }));

        Assert.Matches("^ins-[a-z0-9]{8}$", Assert.Single(one.AssertSuccess().GetProperty("InstanceIdSet").EnumerateArray()).GetString());
        var ids = many.AssertSuccess().GetProperty("InstanceIdSet").EnumerateArray().Select(i => i.GetString()).ToList();
        Assert.Equal(500, ids.Distinct().Count());
    }

    [Theory]
    [InlineData("ExportImages", """{"BucketName":"images-1250000000","ImageIds":["img-12345678"]}""")]
    [InlineData("DescribeImageFromFamily", """{"ImageFamily":"web"}""")]
    [InlineData("CreateImage", """{"ImageName":"from-snapshots","SnapshotIds":["snap-12345678"]}""")]
    public async Task what_the_rules_cannot_serve_answers_UnsupportedOperation_with_the_reason(string action, string body)
    {
        var answer = await api.CallAsync(action, body);

        answer.AssertError("UnsupportedOperation");
        Assert.Contains("emulate", answer.Message, StringComparison.Ordinal);
    }

    private static void AssertImageShape(JsonElement image)
    {
        Assert.Equal(ImageFields, image.EnumerateObject().Select(p => p.Name).Where(ImageFields.Contains));
        Assert.Matches("^img-[a-z0-9]{8}$", image.GetProperty("ImageId").GetString());
        Assert.Matches(WireTime(), image.GetProperty("CreatedTime").GetString());
        Assert.Equal(JsonValueKind.Number, image.GetProperty("ImageSize").ValueKind);
        Assert.Contains(image.GetProperty("Architecture").GetString(), new[] { "x86_64", "arm", "i386" });
        Assert.Contains(image.GetProperty("ImageType").GetString(), new[] { "PUBLIC_IMAGE", "PRIVATE_IMAGE", "SHARED_IMAGE" });
        Assert.Contains(image.GetProperty("ImageSource").GetString(), new[] { "OFFICIAL", "CREATE_IMAGE", "EXTERNAL_IMPORT" });
        Assert.Contains(image.GetProperty("LicenseType").GetString(), new[] { "TencentCloud", "BYOL" });
        Assert.Equal(JsonValueKind.Array, image.GetProperty("SnapshotSet").ValueKind);
        Assert.Equal(JsonValueKind.Array, image.GetProperty("Tags").ValueKind);
        Assert.Equal(JsonValueKind.False, image.GetProperty("ImageDeprecated").ValueKind);
        Assert.True(image.GetProperty("IsSupportCloudinit").ValueKind is JsonValueKind.True or JsonValueKind.False);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")]
    private static partial Regex WireTime();
}
