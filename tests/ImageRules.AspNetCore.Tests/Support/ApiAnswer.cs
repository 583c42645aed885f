using System.Text.Json;

namespace ImageRules.AspNetCore.Tests.Support;

/// <summary>
/// One answer of the image API, read as the SDKs read it: the <c>Response</c> object with its <c>RequestId</c> and,
/// when the call failed, its <c>Error</c>. Reading it asserts the envelope; the assertions below check the outcome.
/// </summary>
/// <param name="Response">The object inside <c>{"Response": ...}</c>.</param>
/// <param name="RequestId">The answer's request id, never empty.</param>
/// <param name="Code">The error code, or null for a success.</param>
/// <param name="Message">The error message, or null for a success.</param>
internal sealed record ApiAnswer(JsonElement Response, string RequestId, string? Code, string? Message)
{
    /// <summary>Reads an HTTP answer, asserting it is HTTP 200 with a JSON body in the provider's envelope.</summary>
    public static async Task<ApiAnswer> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"HTTP {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return Parse(body);
    }

    /// <summary>Reads an answer's body, asserting the provider's envelope.</summary>
    public static ApiAnswer Parse(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        var response = Assert.Single(root.EnumerateObject());
        Assert.Equal("Response", response.Name);
        Assert.Equal(JsonValueKind.Object, response.Value.ValueKind);
        var requestId = response.Value.GetProperty(nameof(RequestId)).GetString();
        Assert.False(string.IsNullOrWhiteSpace(requestId), "the answer carries no RequestId");
        string? code = null, message = null;
        if (response.Value.TryGetProperty("Error", out var error))
        {
            code = error.GetProperty(nameof(Code)).GetString();
            message = error.GetProperty(nameof(Message)).GetString();
            Assert.False(string.IsNullOrWhiteSpace(code), "the error carries no Code");
            Assert.False(string.IsNullOrWhiteSpace(message), $"error {code} carries no Message");
        }

        return new ApiAnswer(response.Value.Clone(), requestId!, code, message);
    }

    /// <summary>Asserts the call succeeded and gives its <c>Response</c>.</summary>
    public JsonElement AssertSuccess()
    {
        Assert.True(Code is null, $"expected success, got {Code}: {Message}");
        return Response;
    }

    /// <summary>Asserts the call failed with <paramref name="code"/>.</summary>
    public ApiAnswer AssertError(string code)
    {
        Assert.True(code == Code, $"expected {code}, got {Code ?? "success"}: {Message ?? Response.ToString()}");
        return this;
    }

    /// <summary>The string at <paramref name="property"/> of the response.</summary>
    public string String(string property) => AssertSuccess().GetProperty(property).GetString()!;
}
