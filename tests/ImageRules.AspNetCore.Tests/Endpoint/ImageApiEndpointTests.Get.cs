using ImageRules.AspNetCore.Authentication;
using ImageRules.AspNetCore.Tests.Support;
using static ImageRules.AspNetCore.Tests.Support.ApiHost;

namespace ImageRules.AspNetCore.Tests.Endpoint;

/// <summary>
/// GET, as the SDKs send it with <c>reqMethod = "GET"</c>: the parameters flattened into the signed query string, an
/// empty body, content type <c>application/x-www-form-urlencoded</c>. Other methods and form posts are answered in
/// the envelope, never with a bare 405.
/// </summary>
public sealed partial class ImageApiEndpointTests
{
    private TestRequest Get(string action, string body, ApiCredential? key = null) =>
        api.Request(action, "", key) with { Method = "GET", Query = SdkQuery.Flatten(body), ContentType = "application/x-www-form-urlencoded" };

    [Fact]
    public async Task a_GET_answers_as_the_POST_of_the_same_parameters()
    {
        await api.CreateImageAsync("by-get-1");
        await api.CreateImageAsync("by-get-2");
        var body = Json(new { Filters = new[] { new { Name = "image-type", Values = new[] { "PRIVATE_IMAGE" } } }, Limit = 1, Offset = 1 });

        var posted = (await api.CallAsync("DescribeImages", body)).AssertSuccess();
        var got = (await api.SendAsync(Get("DescribeImages", body))).AssertSuccess();

        Assert.Equal(2, got.GetProperty("TotalCount").GetInt32());
        Assert.Equal(IdsOf(posted), IdsOf(got));
    }

    [Fact]
    public async Task a_GET_with_DryRun_changes_nothing()
    {
        var answer = await api.SendAsync(Get("CreateImage", Json(new { InstanceId = Instance, ImageName = "dry", DryRun = true })));

        answer.AssertError("DryRunOperation");
        Assert.Equal(0, (await DescribeImagesAsync(new { Filters = new[] { new { Name = "image-type", Values = new[] { "PRIVATE_IMAGE" } } } })).GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task a_GET_whose_query_was_changed_after_signing_answers_SignatureFailure()
    {
        var signed = Get("DescribeImages", Json(new { Limit = 1 }));
        var tampered = signed with { Query = "Limit=2" };
        using var message = tampered.ToMessage();
        message.Headers.Remove("Authorization");
        message.Headers.TryAddWithoutValidation("Authorization", signed.Authorization());

        (await api.SendAsync(message)).AssertError("AuthFailure.SignatureFailure");
    }

    [Theory]
    [InlineData("Limit=1&Limit=2", "InvalidParameter")]
    [InlineData("ImageIds.1=img-12345678", "InvalidParameter")]
    [InlineData("Limit=ten", "InvalidParameter")]
    [InlineData("Limit=101", "InvalidParameterValue.InvalidParameterValueLimit")]
    [InlineData("ImageIds.0=img-12345678&Filters.0.Name=platform&Filters.0.Values.0=CentOS", "InvalidParameter.InvalidParameterCoexistImageIdsFilters")]
    public async Task a_GET_with_malformed_parameters_answers_the_code_of_its_body(string query, string code)
    {
        var request = Get("DescribeImages", "{}") with { Query = query };

        (await api.SendAsync(request)).AssertError(code);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task another_method_answers_UnsupportedProtocol_in_the_envelope(string method)
    {
        var request = api.Request("DescribeImages", "{}") with { Method = method };

        (await api.SendAsync(request)).AssertError("UnsupportedProtocol");
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task a_form_post_answers_UnsupportedOperation_in_the_envelope(string contentType)
    {
        var request = api.Request("DescribeImages", "Limit=1") with { ContentType = contentType };

        var answer = (await api.SendAsync(request)).AssertError("UnsupportedOperation");
        Assert.Contains("signature v1", answer.Message, StringComparison.Ordinal);
    }
}
