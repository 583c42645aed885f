using static ImageRules.AspNetCore.Tests.Support.ApiHost;

namespace ImageRules.AspNetCore.Tests.Endpoint;

/// <summary>RunInstances and InquiryPriceRunInstances, limited to what the image rules decide: placement, permission (R30) and the licence fee (R31).</summary>
public sealed partial class ImageApiEndpointTests
{
    [Theory]
    [InlineData("ap-shanghai-2")]
    [InlineData("ap-guangzhou")]
    [InlineData("ap-guangzhou-0")]
    [InlineData("ap-guangzhou-x")]
    [InlineData("guangzhou-3")]
    [InlineData("")]
    public async Task a_zone_that_is_not_of_the_region_addressed_is_refused(string zone)
    {
        var image = await PublicImageAsync("Ubuntu Server 22.04");

        var run = await api.CallAsync("RunInstances", Json(new { Placement = new { Zone = zone }, ImageId = image }));
        var price = await api.CallAsync("InquiryPriceRunInstances", Json(new { Placement = new { Zone = zone }, ImageId = image }));

        run.AssertError("InvalidZone.MismatchRegion");
        price.AssertError("InvalidZone.MismatchRegion");
        Assert.Contains($"`{zone}`", run.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PREPAID")]
    [InlineData("POSTPAID_BY_HOUR")]
    [InlineData("SPOTPAID")]
    public async Task any_instance_type_and_the_usual_charge_types_launch(string chargeType)
    {
        var image = await PublicImageAsync("CentOS 7.9");

        var run = await api.CallAsync("RunInstances", Json(new
        {
            Placement = new { Zone = "ap-guangzhou-7", ProjectId = 0 }, ImageId = image, InstanceType = "SA9.HUGE999", InstanceChargeType = chargeType,
            InstanceChargePrepaid = new { Period = 12, RenewFlag = "NOTIFY_AND_AUTO_RENEW" }, SystemDisk = new { DiskType = "CLOUD_BSSD", DiskSize = 50 },
            DataDisks = new[] { new { DiskSize = 100, DiskType = "CLOUD_PREMIUM" } }, InstanceCount = 2, InstanceName = "web", ClientToken = "token-1",
        }));

        Assert.Equal(2, run.AssertSuccess().GetProperty("InstanceIdSet").GetArrayLength());
    }

    [Fact]
    public async Task RunInstances_takes_1_to_500_instances()
    {
        var image = await PublicImageAsync("CentOS 7.9");

        (await api.CallAsync("RunInstances", Json(new { Placement = new { Zone = "ap-guangzhou-3" }, ImageId = image, InstanceCount = 0 }))).AssertError("InvalidParameterValue.Range");
        (await api.CallAsync("RunInstances", Json(new { Placement = new { Zone = "ap-guangzhou-3" }, ImageId = image, InstanceCount = 501 }))).AssertError("InvalidParameterValue.Range");
        Assert.Equal(101, (await api.CallAsync("RunInstances", Json(new { Placement = new { Zone = "ap-guangzhou-3" }, ImageId = image, InstanceCount = 101 }))).AssertSuccess().GetProperty("InstanceIdSet").GetArrayLength());
    }

    [Fact]
    public async Task R31_a_public_windows_image_outside_the_mainland_carries_the_licence_fee_on_top_of_the_instance_price()
    {
        var singaporeWindows = await PublicImageAsync("Windows Server 2022", Singapore);
        var singaporeLinux = await PublicImageAsync("CentOS 7.9", Singapore);
        var guangzhouWindows = await PublicImageAsync("Windows Server 2022");
        var hongKongWindows = await PublicImageAsync("Windows Server 2022", HongKong);

        async Task<double> HourlyAsync(string image, string zone, string region) =>
            (await api.CallAsync("InquiryPriceRunInstances", Json(new { Placement = new { Zone = zone }, ImageId = image }), Abroad, region))
                .AssertSuccess().GetProperty("Price").GetProperty("InstancePrice").GetProperty("UnitPrice").GetDouble();

        Assert.Equal(0.16, await HourlyAsync(singaporeWindows, "ap-singapore-1", Singapore), 6);
        Assert.Equal(0.12, await HourlyAsync(singaporeLinux, "ap-singapore-2", Singapore), 6);
        Assert.Equal(0.12, await HourlyAsync(guangzhouWindows, "ap-guangzhou-3", Guangzhou), 6);
        Assert.Equal(0.12, await HourlyAsync(hongKongWindows, "ap-hongkong-2", HongKong), 6);
    }

    [Fact]
    public async Task R31_the_licence_fee_adds_to_the_configured_instance_price()
    {
        await using var dear = await StartAsync(api: o => o.InstancePricePerHour = 1.5m);
        var found = (await dear.CallAsync("DescribeImages", Json(new { Filters = new[] { Filter("platform", "Windows") } }), Abroad, Singapore)).AssertSuccess();
        var image = found.GetProperty("ImageSet")[0].GetProperty("ImageId").GetString();

        var price = await dear.CallAsync("InquiryPriceRunInstances", Json(new { Placement = new { Zone = "ap-singapore-1" }, ImageId = image }), Abroad, Singapore);

        Assert.Equal(1.54, price.AssertSuccess().GetProperty("Price").GetProperty("InstancePrice").GetProperty("UnitPrice").GetDouble(), 6);
    }

    [Fact]
    public async Task R30_R32_the_recipient_launches_a_shared_image_free_of_licence_fee()
    {
        var id = await api.CreateSharedImageAsync("web-server");

        var price = await api.CallAsync("InquiryPriceRunInstances", Json(new { Placement = new { Zone = "ap-guangzhou-3" }, ImageId = id }), Recipient);
        var run = await api.CallAsync("RunInstances", Json(new { Placement = new { Zone = "ap-guangzhou-3" }, ImageId = id, InstanceCount = 2 }), Recipient);

        Assert.Equal(0.12, price.AssertSuccess().GetProperty("Price").GetProperty("InstancePrice").GetProperty("UnitPrice").GetDouble(), 6);
        Assert.Equal(2, run.AssertSuccess().GetProperty("InstanceIdSet").GetArrayLength());
    }

    [Fact]
    public async Task a_launch_template_instead_of_placement_and_image_is_refused_as_not_emulated()
    {
        var answer = await api.CallAsync("RunInstances", Json(new { LaunchTemplate = new { LaunchTemplateId = "lt-12345678" } }));

        answer.AssertError("UnsupportedOperation");
    }
}
