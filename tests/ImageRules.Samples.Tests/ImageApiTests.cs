using System.Net;
using System.Text;
using System.Text.Json;
using ImageRules.Samples.ImageApi;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ImageRules.Samples.Tests;

/// <summary>The API sample through HTTP, each test in a freshly started app (so a fresh world).</summary>
public sealed class ImageApiTests : IDisposable
{
    private const string Alice = "1038493875";
    private const string Bob = "2000000001";
    private const string Guangzhou = "ap-guangzhou";

    private readonly WebApplicationFactory<Program> app = new();
    private readonly HttpClient client;

    public ImageApiTests() => client = app.CreateClient();

    public void Dispose()
    {
        client.Dispose();
        app.Dispose();
    }

    [Fact]
    public async Task R3_R2_describing_public_images_answers_the_provider_shape_with_a_request_id()
    {
        var response = await CallAsync("DescribeImages", """{"Filters": [{"Name": "image-type", "Values": ["PUBLIC_IMAGE"]}], "Limit": 5}""");

        AssertSuccess(response, "ImageSet", "TotalCount");
        Assert.Equal(9, response.GetProperty("TotalCount").GetInt32());
        var images = response.GetProperty("ImageSet").EnumerateArray().ToList();
        Assert.Equal(5, images.Count);
        Assert.All(images, image =>
        {
            Assert.Equal("PUBLIC_IMAGE", image.GetProperty("ImageType").GetString());
            Assert.Equal("NORMAL", image.GetProperty("ImageState").GetString());
            Assert.Equal(JsonValueKind.Null, image.GetProperty("ImageCreator").ValueKind);
        });
    }

    [Fact]
    public async Task R2_a_page_over_100_answers_the_error_shape_with_its_code()
    {
        var response = await CallAsync("DescribeImages", """{"Limit": 101}""");

        AssertError(response, "InvalidParameterValue.LimitExceeded");
    }

    [Fact]
    public async Task R20_R24_R27_sharing_and_cancelling_answer_only_a_request_id_and_change_what_the_recipient_sees()
    {
        var image = await CreateImageAsync("web-server");

        var shared = await CallAsync("ModifyImageSharePermission", $$"""{"ImageId": "{{image}}", "AccountIds": ["{{Bob}}"], "Permission": "SHARE"}""");
        var seenShared = await CallAsync("DescribeImages", """{"Filters": [{"Name": "image-type", "Values": ["SHARED_IMAGE"]}]}""", account: Bob);
        var cancelled = await CallAsync("ModifyImageSharePermission", $$"""{"ImageId": "{{image}}", "AccountIds": ["{{Bob}}"], "Permission": "CANCEL"}""");
        var seenAfter = await CallAsync("DescribeImages", $$"""{"ImageIds": ["{{image}}"]}""", account: Bob);

        AssertSuccess(shared);
        AssertSuccess(cancelled);
        var item = Assert.Single(seenShared.GetProperty("ImageSet").EnumerateArray());
        Assert.Equal(image, item.GetProperty("ImageId").GetString());
        Assert.Equal(Alice, item.GetProperty("ImageCreator").GetString());
        Assert.Equal(0, seenAfter.GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task R23_sharing_with_yourself_answers_InvalidAccountIs_YourSelf()
    {
        var image = await CreateImageAsync("web-server");

        var response = await CallAsync("ModifyImageSharePermission", $$"""{"ImageId": "{{image}}", "AccountIds": ["{{Alice}}"], "Permission": "SHARE"}""");

        AssertError(response, "InvalidAccountIs.YourSelf");
    }

    [Fact]
    public async Task R25_a_recipient_cancelling_sharing_answers_ImageNotBelongToAccount()
    {
        var image = await CreateImageAsync("web-server");
        await CallAsync("ModifyImageSharePermission", $$"""{"ImageId": "{{image}}", "AccountIds": ["{{Bob}}"], "Permission": "SHARE"}""");

        var response = await CallAsync("ModifyImageSharePermission", $$"""{"ImageId": "{{image}}", "AccountIds": ["{{Bob}}"], "Permission": "CANCEL"}""", account: Bob);

        AssertError(response, "UnauthorizedOperation.ImageNotBelongToAccount");
    }

    [Fact]
    public async Task R16_deleting_a_shared_image_answers_InShared_until_sharing_is_cancelled()
    {
        var image = await CreateImageAsync("web-server");
        await CallAsync("ModifyImageSharePermission", $$"""{"ImageId": "{{image}}", "AccountIds": ["{{Bob}}"], "Permission": "SHARE"}""");

        var whileShared = await CallAsync("DeleteImages", $$"""{"ImageIds": ["{{image}}"]}""");
        await CallAsync("ModifyImageSharePermission", $$"""{"ImageId": "{{image}}", "AccountIds": ["{{Bob}}"], "Permission": "CANCEL"}""");
        var afterCancel = await CallAsync("DeleteImages", $$"""{"ImageIds": ["{{image}}"]}""");
        var remaining = await CallAsync("DescribeImages", """{"Filters": [{"Name": "image-type", "Values": ["PRIVATE_IMAGE"]}]}""");

        AssertError(whileShared, "InvalidImageId.InShared");
        AssertSuccess(afterCancel);
        Assert.Equal(0, remaining.GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task R11_the_eleventh_CreateImage_in_a_region_answers_ImageQuotaLimitExceeded()
    {
        for (var i = 1; i <= 10; i++)
        {
            await CreateImageAsync($"image-{i}");
        }

        var eleventh = await CallAsync("CreateImage", """{"InstanceId": "ins-2zvx0a1b", "ImageName": "image-11"}""");

        AssertError(eleventh, "ImageQuotaLimitExceeded");
    }

    [Fact]
    public async Task R14_SyncImages_copies_into_the_destination_region_as_a_custom_image_there()
    {
        var image = await CreateImageAsync("web-server");

        var synced = await CallAsync("SyncImages", $$"""{"ImageIds": ["{{image}}"], "DestinationRegions": ["ap-shanghai"]}""");
        var inShanghai = await CallAsync("DescribeImages", "{}", region: "ap-shanghai");

        AssertSuccess(synced, "ImageSet");
        var copy = Assert.Single(synced.GetProperty("ImageSet").EnumerateArray());
        Assert.Equal("ap-shanghai", copy.GetProperty("Region").GetString());
        var listed = inShanghai.GetProperty("ImageSet").EnumerateArray().Single(i => i.GetProperty("ImageId").GetString() == copy.GetProperty("ImageId").GetString());
        Assert.Equal("PRIVATE_IMAGE", listed.GetProperty("ImageType").GetString());
    }

    [Fact]
    public async Task R15_SyncImages_across_the_mainland_border_answers_UnsupportedOperation_Region()
    {
        var image = await CreateImageAsync("web-server");

        var synced = await CallAsync("SyncImages", $$"""{"ImageIds": ["{{image}}"], "DestinationRegions": ["ap-singapore"]}""");

        AssertError(synced, "UnsupportedOperation.Region");
    }

    [Fact]
    public async Task R11_R37_concurrent_CreateImage_calls_each_answer_the_provider_shape_and_leave_no_image_unfinished()
    {
        var calls = Enumerable.Range(1, 20)
            .Select(i => CallAsync("CreateImage", $$"""{"InstanceId": "ins-2zvx0a1b", "ImageName": "image-{{i}}"}"""));

        var answers = await Task.WhenAll(calls);
        var custom = await CallAsync("DescribeImages", """{"Filters": [{"Name": "image-type", "Values": ["PRIVATE_IMAGE"]}], "Limit": 100}""");

        var created = answers.Where(a => a.TryGetProperty("ImageId", out _)).Select(a => a.GetProperty("ImageId").GetString()).ToHashSet();
        var refusals = answers.Where(a => a.TryGetProperty("Error", out _)).Select(a => a.GetProperty("Error").GetProperty("Code").GetString());
        Assert.InRange(created.Count, 1, 10);
        Assert.All(refusals, code => Assert.Contains(code, new[] { "ImageQuotaLimitExceeded", "FailedOperation.ConcurrentModification" }));
        var listed = custom.GetProperty("ImageSet").EnumerateArray().ToList();
        Assert.Equal(created, listed.Select(i => i.GetProperty("ImageId").GetString()).ToHashSet());
        Assert.All(listed, image => Assert.Equal("NORMAL", image.GetProperty("ImageState").GetString()));
    }

    [Fact]
    public async Task R37_a_completion_the_rules_refuse_answers_its_code_in_the_error_shape_not_a_server_error()
    {
        // Every reading of this clock is two hours after the last: the image has outlived its transition when the
        // sample's stand-in platform completes it.
        var clock = new FakeTimeProvider { AutoAdvanceAmount = TimeSpan.FromHours(2) };
        using var lateApp = app.WithWebHostBuilder(host => host.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock))));
        using var lateClient = lateApp.CreateClient();

        var response = await CallAsync("CreateImage", """{"InstanceId": "ins-2zvx0a1b", "ImageName": "web-server"}""", client: lateClient);
        var custom = await CallAsync("DescribeImages", """{"Filters": [{"Name": "image-type", "Values": ["PRIVATE_IMAGE"]}]}""", client: lateClient);

        AssertError(response, "InvalidImageId.IncorrectState");
        var image = Assert.Single(custom.GetProperty("ImageSet").EnumerateArray());
        Assert.Contains(image.GetProperty("ImageId").GetString()!, response.GetProperty("Error").GetProperty("Message").GetString(), StringComparison.Ordinal);
        Assert.Equal("CREATEFAILED", image.GetProperty("ImageState").GetString());
    }

    [Theory]
    [InlineData("DescribeImages", Alice, Guangzhou, """{"ImageIds": ["img-BAD"]}""", "InvalidImageId.Malformed")]
    [InlineData("DescribeImages", "alice", Guangzhou, "{}", "InvalidAccountId.NotFound")]
    [InlineData("DescribeImages", Alice, "Guangzhou", "{}", "InvalidRegion.NotFound")]
    [InlineData("DescribeImages", null, Guangzhou, "{}", "AuthFailure.InvalidAuthorization")]
    [InlineData("DescribeImages", Alice, null, "{}", "MissingParameter")]
    [InlineData("DescribeImages", Alice, Guangzhou, """{"Limit": "ten"}""", "InvalidParameter")]
    [InlineData("DescribeImages", Alice, Guangzhou, """{"Filters": [{"Name": "owner", "Values": ["1"]}]}""", "InvalidFilter")]
    [InlineData("DescribeImages", Alice, Guangzhou, """{"Filters": [{"Name": "image-type", "Values": ["MY_IMAGE"]}]}""", "InvalidParameterValue")]
    [InlineData("ModifyImageSharePermission", Alice, Guangzhou, """{"ImageId": "img-00000001", "AccountIds": ["2000000001"], "Permission": "GRANT"}""", "InvalidParameterValue")]
    [InlineData("ModifyImageSharePermission", Alice, Guangzhou, """{"ImageId": "img-00000001", "AccountIds": ["bob"], "Permission": "SHARE"}""", "InvalidAccountId.NotFound")]
    [InlineData("DeleteImages", Alice, Guangzhou, "{}", "MissingParameter")]
    [InlineData("CreateImage", Alice, Guangzhou, """{"InstanceId": "i-1", "ImageName": "web"}""", "InvalidInstanceId.Malformed")]
    [InlineData("RunInstances", Alice, Guangzhou, "{}", "InvalidAction")]
    public async Task R7_requests_the_api_cannot_read_answer_the_error_shape_before_any_lookup(string action, string? account, string? region, string body, string code)
    {
        var response = await CallAsync(action, body, account, region);

        AssertError(response, code);
    }

    private async Task<string> CreateImageAsync(string name)
    {
        var response = await CallAsync("CreateImage", $$"""{"InstanceId": "ins-2zvx0a1b", "ImageName": "{{name}}"}""");
        AssertSuccess(response, "ImageId");
        return response.GetProperty("ImageId").GetString()!;
    }

    /// <summary>Posts one call and returns what is inside <c>Response</c>, after checking the envelope.</summary>
    private async Task<JsonElement> CallAsync(string action, string body, string? account = Alice, string? region = Guangzhou, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(ImageApiEndpoint.ActionHeader, action);
        if (account is not null)
        {
            request.Headers.Add(ImageApiEndpoint.AccountHeader, account);
        }

        if (region is not null)
        {
            request.Headers.Add(ImageApiEndpoint.RegionHeader, region);
        }

        using var response = await (client ?? this.client).SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["Response"], document.RootElement.EnumerateObject().Select(p => p.Name));
        return document.RootElement.GetProperty("Response").Clone();
    }

    private static void AssertSuccess(JsonElement response, params string[] fields)
    {
        Assert.Equal([.. fields, "RequestId"], response.EnumerateObject().Select(p => p.Name));
        Assert.True(Guid.TryParse(response.GetProperty("RequestId").GetString(), out _));
    }

    private static void AssertError(JsonElement response, string code)
    {
        Assert.Equal(["Error", "RequestId"], response.EnumerateObject().Select(p => p.Name));
        Assert.True(Guid.TryParse(response.GetProperty("RequestId").GetString(), out _));
        var error = response.GetProperty("Error");
        Assert.Equal(["Code", "Message"], error.EnumerateObject().Select(p => p.Name));
        Assert.Equal(code, error.GetProperty("Code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("Message").GetString()));
    }
}
