using System.Net.Http.Headers;
using ImageRules.AspNetCore.Tests.Support;
using ImageRules.AspNetCore.Wire;
using Microsoft.Extensions.Logging;
using static ImageRules.AspNetCore.Tests.Support.ApiHost;

namespace ImageRules.AspNetCore.Tests.Endpoint;

/// <summary>The API 3.0 protocol over the wire: common headers, version, region, the size cap, and every authentication failure.</summary>
public sealed partial class ImageApiEndpointTests
{
    private static TestRequest WithHeaders(TestRequest request, Action<Dictionary<string, string>> change)
    {
        var headers = new Dictionary<string, string>(request.OtherHeaders);
        change(headers);
        return request with { OtherHeaders = headers };
    }

    [Fact]
    public async Task DescribeRegions_needs_no_region_header()
    {
        var answer = await api.CallAsync("DescribeRegions", "{}", region: null);

        Assert.Equal(17, answer.AssertSuccess().GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task DescribeImportImageOs_needs_no_region_header()
    {
        (await api.CallAsync("DescribeImportImageOs", "{}", region: null)).AssertSuccess();
    }

    [Theory]
    [InlineData("DescribeImages", "{}")]
    [InlineData("CreateImage", """{"ImageName":"n","InstanceId":"ins-2zvx0a1b"}""")]
    [InlineData("DescribeImageQuota", "{}")]
    [InlineData("RunInstances", """{"Placement":{"Zone":"ap-guangzhou-3"},"ImageId":"img-12345678"}""")]
    public async Task a_regional_action_without_a_region_header_answers_MissingParameter(string action, string body)
    {
        var answer = await api.CallAsync(action, body, region: null);

        answer.AssertError("MissingParameter");
        Assert.Contains("X-TC-Region", answer.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2017-03-13")]
    [InlineData("2018-01-01")]
    [InlineData("latest")]
    public async Task another_version_answers_NoSuchVersion(string version)
    {
        var answer = await api.SendAsync(WithHeaders(api.Request("DescribeImages", "{}"), h => h["X-TC-Version"] = version));

        answer.AssertError("NoSuchVersion");
    }

    [Fact]
    public async Task a_call_without_a_version_answers_MissingParameter()
    {
        var answer = await api.SendAsync(WithHeaders(api.Request("DescribeImages", "{}"), h => h.Remove("X-TC-Version")));

        answer.AssertError("MissingParameter");
    }

    [Fact]
    public async Task an_unknown_or_missing_action_answers_InvalidAction_or_MissingParameter()
    {
        (await api.CallAsync("DescribeInstances", "{}")).AssertError("InvalidAction");
        (await api.CallAsync("describeimages", "{}")).AssertError("InvalidAction");
        (await api.SendAsync(WithHeaders(api.Request("DescribeImages", "{}"), h => h.Remove("X-TC-Action")))).AssertError("MissingParameter");
    }

    [Fact]
    public async Task a_key_of_an_account_the_store_does_not_hold_is_answered_InvalidAccountId_NotFound()
    {
        var publicImage = await PublicImageAsync("CentOS 7.9");

        foreach (var (action, body) in new[]
        {
            ("DescribeImages", "{}"),
            ("DescribeImages", Json(new { ImageIds = new[] { publicImage } })),
            ("CreateImage", Json(new { ImageName = "n", InstanceId = Instance })),
            ("DescribeImageQuota", "{}"),
            ("DeleteImages", Json(new { ImageIds = new[] { publicImage } })),
            ("SyncImages", Json(new { ImageIds = new[] { publicImage }, DestinationRegions = new[] { Shanghai } })),
            ("ModifyImageAttribute", Json(new { ImageId = publicImage, ImageName = "n" })),
            ("ModifyImageSharePermission", Json(new { ImageId = publicImage, AccountIds = new[] { Bystander }, Permission = "SHARE" })),
            ("DescribeImageSharePermission", Json(new { ImageId = publicImage })),
            ("ImportImage", Json(new { Architecture = "x86_64", OsType = "CentOS", OsVersion = "7", ImageName = "n", ImageUrl = "https://b-1250000000.cos.ap-guangzhou.myqcloud.com/c.qcow2" })),
            ("RunInstances", Json(new { Placement = new { Zone = "ap-guangzhou-3" }, ImageId = publicImage })),
            ("InquiryPriceRunInstances", Json(new { Placement = new { Zone = "ap-guangzhou-3" }, ImageId = publicImage })),
        })
        {
            (await api.CallAsync(action, body, Stranger)).AssertError("InvalidAccountId.NotFound");
        }

        (await api.CallAsync("DescribeRegions", "{}", Stranger)).AssertSuccess();
    }

    [Fact]
    public async Task every_answer_carries_its_own_request_id()
    {
        var answers = new List<ApiAnswer>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await api.CallAsync(i % 2 == 0 ? "DescribeRegions" : "NoSuchAction", "{}"));
        }

        Assert.Equal(5, answers.Select(a => a.RequestId).Distinct().Count());
    }

    [Fact]
    public async Task AuthFailure_codes_answer_over_the_wire_and_change_nothing()
    {
        var create = api.Request("CreateImage", Json(new { ImageName = "unauthorised", InstanceId = Instance }));
        var cases = new (string Code, TestRequest Request)[]
        {
            ("AuthFailure.SecretIdNotFound", create with { SigningSecretId = "AKIDnobodyHasThisKey0001" }),
            ("AuthFailure.SignatureFailure", create with { SigningSecretKey = "not-the-owners-secret" }),
            ("AuthFailure.SignatureFailure", create with { CredentialDate = "2025-12-31" }),
            ("AuthFailure.SignatureFailure", create with { SignedHeaders = ["content-type"] }),
            ("AuthFailure.SignatureFailure", create with { SignedHost = "cvm.tencentcloudapi.com" }),
            ("AuthFailure.SignatureExpire", create with { Timestamp = api.Now - 301 }),
            ("AuthFailure.SignatureExpire", create with { Timestamp = api.Now + 301 }),
            ("AuthFailure.TokenFailure", WithHeaders(create, h => h["X-TC-Token"] = "a-token-nobody-issued")),
        };

        foreach (var (code, request) in cases)
        {
            (await api.SendAsync(request)).AssertError(code);
        }

        // Without a timestamp there is nothing to check the signature's freshness against.
        using var untimed = ToMessage(create);
        untimed.Headers.Remove("X-TC-Timestamp");
        (await api.SendAsync(untimed)).AssertError("MissingParameter");

        // The signature covers the body's bytes: the same headers over another body are refused.
        using var tampered = ToMessage(create, System.Text.Encoding.UTF8.GetBytes(Json(new { ImageName = "tampered", InstanceId = Instance })));
        (await api.SendAsync(tampered)).AssertError("AuthFailure.SignatureFailure");

        Assert.Empty((await DescribeImagesAsync(new { Filters = new[] { Filter("image-type", "PRIVATE_IMAGE") } })).GetProperty("ImageSet").EnumerateArray());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer abc")]
    [InlineData("TC3-HMAC-SHA256 Credential=AKIDimagerulesOWNER000001/2026-01-01/127/tc3_request, SignedHeaders=content-type;host")]
    [InlineData("TC3-HMAC-SHA256 Credential=AKIDimagerulesOWNER000001/2026-01-01/tc3_request, SignedHeaders=content-type;host, Signature=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("TC3-HMAC-SHA256 Credential=AKIDimagerulesOWNER000001/2026-01-01/127/tc3_request, SignedHeaders=content-type;host, Signature=xyz")]
    public async Task a_missing_or_malformed_authorization_answers_AuthFailure_InvalidAuthorization(string? authorization)
    {
        using var message = ToMessage(api.Request("DescribeImages", "{}"));
        message.Headers.Remove("Authorization");
        if (authorization is not null)
        {
            message.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        (await api.SendAsync(message)).AssertError("AuthFailure.InvalidAuthorization");
    }

    [Theory]
    [InlineData("X-TC-Action", "DescribeImages", "MissingParameter")]
    [InlineData("X-TC-Action", "DeleteImages", "MissingParameter")]
    [InlineData("X-TC-Region", "ap-guangzhou", "MissingParameter")]
    [InlineData("X-TC-Version", "2017-03-12", "MissingParameter")]
    [InlineData("X-TC-Timestamp", "1767225600", "InvalidParameter")]
    public async Task a_common_header_sent_twice_is_not_guessed_at(string header, string second, string code)
    {
        using var message = ToMessage(api.Request("DescribeImages", "{}"));
        message.Headers.TryAddWithoutValidation(header, second);

        (await api.SendAsync(message)).AssertError(code);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task an_authorization_header_sent_twice_answers_AuthFailure_InvalidAuthorization(bool same)
    {
        var request = api.Request("CreateImage", Json(new { ImageName = "twice", InstanceId = Instance }));
        using var message = ToMessage(request);
        message.Headers.TryAddWithoutValidation("Authorization", same ? request.Authorization() : (request with { SigningSecretId = Recipient.SecretId, SigningSecretKey = Recipient.SecretKey }).Authorization());

        (await api.SendAsync(message)).AssertError("AuthFailure.InvalidAuthorization");
        Assert.Equal(0, (await api.Images.DescribeQuotaAsync(new Policy.DescribeQuota(Owner.Account, new Domain.RegionId(Guangzhou)))).Value.Used);
    }

    [Fact]
    public async Task a_body_over_the_cap_answers_RequestSizeLimitExceeded_whether_its_length_is_declared_or_not()
    {
        var huge = new byte[WireRequestReader.MaxBodyBytes + 1];
        huge.AsSpan().Fill((byte)' ');
        huge[0] = (byte)'{';
        huge[^1] = (byte)'}';
        var request = api.Request("DescribeImages", "{}");

        using var declared = ToMessage(request, huge);
        using var chunked = ToMessage(request);
        chunked.Content = new StreamContent(new UnseekableStream(huge));
        chunked.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");

        (await api.SendAsync(declared)).AssertError("RequestSizeLimitExceeded");
        (await api.SendAsync(chunked)).AssertError("RequestSizeLimitExceeded");
    }

    [Fact]
    public async Task each_request_is_logged_once_with_action_account_region_code_and_milliseconds()
    {
        await api.CallAsync("DescribeImageQuota", "{}");
        await api.CallAsync("DeleteImages", """{"ImageIds":["img-00000000"]}""", Recipient);
        await api.SendAsync(api.Request("DescribeImages", "{}") with { SigningSecretKey = "wrong" });

        var lines = api.Logs.GetSnapshot().Where(r => r.Id.Id == 2001).Select(r => r.Message).ToList();

        Assert.Equal(3, lines.Count);
        Assert.Matches(@"^DescribeImageQuota account=1038493875 region=ap-guangzhou code=Success \d+\.\d ms$", lines[0]);
        Assert.Matches(@"^DeleteImages account=2000000001 region=ap-guangzhou code=InvalidImageId\.NotFound \d+\.\d ms$", lines[1]);
        Assert.Matches(@"^DescribeImages account=- region=ap-guangzhou code=AuthFailure\.SignatureFailure \d+\.\d ms$", lines[2]);
        Assert.DoesNotContain(api.Logs.GetSnapshot(), r => r.Level >= LogLevel.Error);
    }

    /// <summary>A stream whose length is unknown, so the body is sent without Content-Length.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
