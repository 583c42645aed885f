using static ImageRules.AspNetCore.Tests.Support.ApiHost;

namespace ImageRules.AspNetCore.Tests.Endpoint;

/// <summary>The story over the wire — create, share, describe, copy, cancel, delete — with the platform's lifecycle on the fake clock.</summary>
public sealed partial class ImageApiEndpointTests
{
    [Fact]
    public async Task the_create_share_describe_copy_cancel_delete_story_runs_with_the_platforms_lifecycle()
    {
        // Create: CREATING until ReadyAfter has passed on the clock, then NORMAL.
        var id = await api.CreateImageAsync("web-server");
        await api.AdvanceAsync(ReadyAfter - TimeSpan.FromSeconds(1));
        var creating = (await api.DescribeAsync(id))!.Value;
        Assert.Equal("CREATING", creating.GetProperty("ImageState").GetString());
        Assert.Equal(90, creating.GetProperty("SyncPercent").GetInt32());
        await api.AdvanceAsync(TimeSpan.FromSeconds(1));
        var normal = await api.WaitForStateAsync(id, "NORMAL");
        Assert.Equal(100, normal.GetProperty("SyncPercent").GetInt32());

        // Share with the recipient, who sees it as SHARED_IMAGE in the image's region (R5) and only its own grant (R27).
        (await api.CallAsync("ModifyImageSharePermission", Json(new { ImageId = id, AccountIds = new[] { Recipient.Account.Value, Bystander }, Permission = "SHARE" }))).AssertSuccess();
        var sharedWithMe = await DescribeImagesAsync(new { Filters = new[] { new { Name = "image-type", Values = new[] { "SHARED_IMAGE" } } } }, Recipient);
        var seen = Assert.Single(sharedWithMe.GetProperty("ImageSet").EnumerateArray());
        Assert.Equal(id, seen.GetProperty("ImageId").GetString());
        Assert.Equal("SHARED_IMAGE", seen.GetProperty("ImageType").GetString());
        Assert.Equal(Owner.Account.Value, seen.GetProperty("ImageCreator").GetString());
        Assert.Equal("PRIVATE_IMAGE", (await api.DescribeAsync(id))!.Value.GetProperty("ImageType").GetString());
        Assert.Null(await api.DescribeAsync(id, Recipient, Shanghai));
        var recipientsGrants = (await api.CallAsync("DescribeImageSharePermission", Json(new { ImageId = id }), Recipient)).AssertSuccess();
        Assert.Equal(Recipient.Account.Value, Assert.Single(recipientsGrants.GetProperty("SharePermissionSet").EnumerateArray()).GetProperty("AccountId").GetString());

        // Copy to Shanghai: SYNCING with its progress, then NORMAL; the copy carries no grant (R14).
        var synced = await api.CallAsync("SyncImages", Json(new { ImageIds = new[] { id }, DestinationRegions = new[] { Shanghai }, ImageSetRequired = true }));
        var copy = Assert.Single(synced.AssertSuccess().GetProperty("ImageSet").EnumerateArray()).GetProperty("ImageId").GetString()!;
        Assert.Equal("SYNCING", (await api.DescribeAsync(copy, region: Shanghai))!.Value.GetProperty("ImageState").GetString());
        await api.AdvanceAsync(ReadyAfter / 2);
        var syncing = (await api.DescribeAsync(copy, region: Shanghai))!.Value;
        Assert.Equal("SYNCING", syncing.GetProperty("ImageState").GetString());
        Assert.Equal(50, syncing.GetProperty("SyncPercent").GetInt32());
        await api.AdvanceAsync(ReadyAfter / 2);
        await api.WaitForStateAsync(copy, "NORMAL", region: Shanghai);
        Assert.Empty((await api.CallAsync("DescribeImageSharePermission", Json(new { ImageId = copy }), region: Shanghai)).AssertSuccess().GetProperty("SharePermissionSet").EnumerateArray());

        // The recipient launches it; delete is refused while it is shared (R16).
        (await api.CallAsync("RunInstances", Json(new { Placement = new { Zone = "ap-guangzhou-3" }, ImageId = id }), Recipient)).AssertSuccess();
        (await api.CallAsync("DeleteImages", Json(new { ImageIds = new[] { id } }))).AssertError("InvalidImageId.InShared");

        // Cancel: the recipient no longer sees or launches it; then delete both.
        (await api.CallAsync("ModifyImageSharePermission", Json(new { ImageId = id, AccountIds = new[] { Recipient.Account.Value, Bystander }, Permission = "CANCEL" }))).AssertSuccess();
        Assert.Null(await api.DescribeAsync(id, Recipient));
        (await api.CallAsync("RunInstances", Json(new { Placement = new { Zone = "ap-guangzhou-3" }, ImageId = id }), Recipient)).AssertError("InvalidImageId.NotFound");
        (await api.CallAsync("DeleteImages", Json(new { ImageIds = new[] { id } }))).AssertSuccess();
        (await api.CallAsync("DeleteImages", Json(new { ImageIds = new[] { copy } }), region: Shanghai)).AssertSuccess();
        Assert.Null(await api.DescribeAsync(id));
        Assert.Null(await api.DescribeAsync(copy, region: Shanghai));
    }

    [Fact]
    public async Task images_named_with_FailImagesNamedWith_end_failed_and_may_be_deleted()
    {
        var created = await api.CreateImageAsync($"web-{Doomed}");
        var imported = (await api.CallAsync("ImportImage", Json(new
        {
            Architecture = "x86_64", OsType = "Ubuntu", OsVersion = "22.04", ImageName = $"import-{Doomed}",
            ImageUrl = "https://images-1250000000.cos.ap-guangzhou.myqcloud.com/ubuntu.vmdk",
        }))).String("ImageId");
        var source = await api.CreateReadyImageAsync("web-server");
        var copied = await api.CallAsync("SyncImages", Json(new { ImageIds = new[] { source }, DestinationRegions = new[] { Shanghai }, ImageName = $"copy-{Doomed}", ImageSetRequired = true }));
        var copy = Assert.Single(copied.AssertSuccess().GetProperty("ImageSet").EnumerateArray()).GetProperty("ImageId").GetString()!;

        await api.AdvanceAsync(ReadyAfter);

        await api.WaitForStateAsync(created, "CREATEFAILED");
        await api.WaitForStateAsync(imported, "IMPORTFAILED");
        await api.WaitForStateAsync(copy, "CREATEFAILED", region: Shanghai);
        (await api.CallAsync("DeleteImages", Json(new { ImageIds = new[] { created, imported } }))).AssertSuccess();
        (await api.CallAsync("RunInstances", Json(new { Placement = new { Zone = "ap-shanghai-2" }, ImageId = copy }), region: Shanghai)).AssertError("InvalidParameterValue.InvalidImageState");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public async Task the_platform_completes_every_image_and_then_lets_go_of_it(int seconds)
    {
        await using var host = await StartAsync(api: o => o.ReadyAfter = TimeSpan.FromSeconds(seconds));
        var source = await host.CreateImageAsync("web-server");
        await host.AdvanceAsync(TimeSpan.FromSeconds(seconds));
        await host.WaitForStateAsync(source, "NORMAL");
        var copy = (await host.CallAsync("SyncImages", Json(new { ImageIds = new[] { source }, DestinationRegions = new[] { Shanghai }, ImageSetRequired = true })))
            .AssertSuccess().GetProperty("ImageSet")[0].GetProperty("ImageId").GetString()!;

        await host.AdvanceAsync(TimeSpan.FromSeconds(seconds));

        await host.WaitForStateAsync(copy, "NORMAL", region: Shanghai);
        for (var attempt = 0; attempt < 100 && host.Lifecycle.Pending > 0; attempt++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(0, host.Lifecycle.Pending);
    }

    [Fact]
    public async Task under_contention_every_call_answers_and_every_image_the_platform_completes_ends_NORMAL_R37()
    {
        await using var busy = await StartAsync(o => o.Profile = Policy.ImageRulesProfile.Provider2025);
        var created = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => busy.CallAsync("CreateImage", Json(new { ImageName = $"image-{i}", InstanceId = Instance }))));
        var ids = created.Where(a => a.Code is null).Select(a => a.String("ImageId")).ToList();

        // The platform completes them all while the owner renames them: writes on one catalogue, racing.
        var renames = Task.WhenAll(ids.Select((id, i) => busy.CallAsync("ModifyImageAttribute", Json(new { ImageId = id, ImageDescription = $"renamed {i}" }))));
        await busy.AdvanceAsync(ReadyAfter);
        var renamed = await renames;

        Assert.All(created.Concat(renamed), a => Assert.True(a.Code is null or "FailedOperation.ConcurrentModification", $"{a.Code}: {a.Message}"));
        Assert.NotEmpty(ids);
        foreach (var id in ids)
        {
            await busy.WaitForStateAsync(id, "NORMAL");
        }

        Assert.Equal(0, busy.Lifecycle.Pending);
    }

    [Fact]
    public async Task R25_under_Provider2025_the_recipient_copies_a_shared_image_within_its_region_as_its_own()
    {
        await using var current = await StartAsync(o => o.Profile = Policy.ImageRulesProfile.Provider2025);
        var shared = await current.CreateSharedImageAsync("web-server");

        var copied = await current.CallAsync("SyncImages", Json(new { ImageIds = new[] { shared }, DestinationRegions = new[] { Guangzhou }, ImageSetRequired = true, ImageName = "my-copy" }), Recipient);
        var elsewhere = await current.CallAsync("SyncImages", Json(new { ImageIds = new[] { shared }, DestinationRegions = new[] { Shanghai } }), Recipient);

        var copy = Assert.Single(copied.AssertSuccess().GetProperty("ImageSet").EnumerateArray()).GetProperty("ImageId").GetString()!;
        elsewhere.AssertError("UnsupportedOperation.SharedImageModifyUnsupported");
        await current.AdvanceAsync(ReadyAfter);
        var mine = await current.WaitForStateAsync(copy, "NORMAL", Recipient);
        Assert.Equal("PRIVATE_IMAGE", mine.GetProperty("ImageType").GetString());
        Assert.Equal(Recipient.Account.Value, mine.GetProperty("ImageCreator").GetString());
        Assert.Null(await current.DescribeAsync(copy));
    }

    [Fact]
    public async Task an_image_still_in_progress_past_the_transition_timeout_shows_CREATEFAILED_R37()
    {
        await using var stalled = await StartAsync(api: o => o.ReadyAfter = TimeSpan.FromHours(2));
        var id = await stalled.CreateImageAsync("web-server");

        await stalled.AdvanceAsync(TimeSpan.FromMinutes(61));

        Assert.Equal("CREATEFAILED", (await stalled.DescribeAsync(id))!.Value.GetProperty("ImageState").GetString());
        (await stalled.CallAsync("DeleteImages", Json(new { ImageIds = new[] { id } }))).AssertSuccess();
    }
}
