using static ImageRules.AspNetCore.Tests.Support.ApiHost;

namespace ImageRules.AspNetCore.Tests.Endpoint;

/// <summary>R38 over the wire: a dry run answers <c>DryRunOperation</c> where the call would succeed, the real refusal otherwise, and changes nothing.</summary>
public sealed partial class ImageApiEndpointTests
{
    [Fact]
    public async Task R38_dry_runs_that_would_succeed_answer_DryRunOperation_and_change_nothing()
    {
        var shared = await api.CreateSharedImageAsync("shared");
        var spare = await api.CreateReadyImageAsync("spare");
        var before = await WorldAsync();

        foreach (var (action, body, key) in new[]
        {
            ("CreateImage", Json(new { ImageName = "dry", InstanceId = Instance, DryRun = true }), Owner),
            ("DeleteImages", Json(new { ImageIds = new[] { spare }, DryRun = true }), Owner),
            ("SyncImages", Json(new { ImageIds = new[] { spare }, DestinationRegions = new[] { Shanghai, "ap-beijing" }, ImageSetRequired = true, DryRun = true }), Owner),
            ("RunInstances", Json(new { Placement = new { Zone = "ap-guangzhou-3" }, ImageId = shared, InstanceCount = 3, DryRun = true }), Recipient),
            ("ImportImage", Json(new { Architecture = "x86_64", OsType = "CentOS", OsVersion = "7", ImageName = "dry", ImageUrl = "https://b-1250000000.cos.ap-guangzhou.myqcloud.com/c.qcow2", DryRun = true }), Owner),
        })
        {
            var answer = await api.CallAsync(action, body, key);
            answer.AssertError("DryRunOperation");
            Assert.False(answer.Response.TryGetProperty("ImageId", out _), action);
            Assert.False(answer.Response.TryGetProperty("ImageSet", out _), action);
            Assert.False(answer.Response.TryGetProperty("InstanceIdSet", out _), action);
        }

        await api.AdvanceAsync(ReadyAfter * 2);
        Assert.Equal(before, await WorldAsync());
    }

    [Fact]
    public async Task R38_dry_runs_that_would_fail_answer_the_real_refusal_and_change_nothing()
    {
        var shared = await api.CreateSharedImageAsync("shared");
        var creating = await api.CreateImageAsync("creating");
        var before = await WorldAsync();

        foreach (var (action, body, key, code) in new[]
        {
            ("CreateImage", Json(new { ImageName = "shared", InstanceId = Instance, DryRun = true }), Owner, "InvalidImageName.Duplicate"),
            ("CreateImage", Json(new { ImageName = "dry", InstanceId = "ins-bad", DryRun = true }), Owner, "InvalidInstanceId.Malformed"),
            ("DeleteImages", Json(new { ImageIds = new[] { shared }, DryRun = true }), Owner, "InvalidImageId.InShared"),
            ("DeleteImages", Json(new { ImageIds = new[] { creating }, DryRun = true }), Owner, "InvalidImageId.IncorrectState"),
            ("DeleteImages", Json(new { ImageIds = new[] { shared }, DryRun = true }), Recipient, "UnsupportedOperation.SharedImageModifyUnsupported"),
            ("SyncImages", Json(new { ImageIds = new[] { shared }, DestinationRegions = new[] { Shanghai, HongKong }, DryRun = true }), Owner, "UnsupportedOperation.Region"),
            ("SyncImages", Json(new { ImageIds = new[] { creating }, DestinationRegions = new[] { Shanghai }, DryRun = true }), Owner, "InvalidImageId.IncorrectState"),
            ("RunInstances", Json(new { Placement = new { Zone = "ap-guangzhou-3" }, ImageId = creating, DryRun = true }), Owner, "InvalidParameterValue.InvalidImageState"),
            ("RunInstances", Json(new { Placement = new { Zone = "ap-guangzhou-3" }, ImageId = creating, DryRun = true }), Recipient, "InvalidImageId.NotFound"),
        })
        {
            var answer = await api.CallAsync(action, body, key);
            if (action == "DeleteImages" && key == Recipient)
            {
                Assert.Contains(answer.Code, new[] { code, "UnauthorizedOperation.ImageNotBelongToAccount" });
                continue;
            }

            answer.AssertError(code);
        }

        Assert.Equal(before, await WorldAsync());
    }

    [Fact]
    public async Task R38_a_dry_run_of_a_quota_filling_create_answers_ImageQuotaLimitExceeded()
    {
        for (var i = 0; i < 10; i++)
        {
            await api.CreateImageAsync($"image-{i}");
        }

        (await api.CallAsync("CreateImage", Json(new { ImageName = "dry", InstanceId = Instance, DryRun = true }))).AssertError("ImageQuotaLimitExceeded");
        (await api.CallAsync("CreateImage", Json(new { ImageName = "dry", InstanceId = Instance, DryRun = true }), region: Shanghai)).AssertError("DryRunOperation");
    }
}
