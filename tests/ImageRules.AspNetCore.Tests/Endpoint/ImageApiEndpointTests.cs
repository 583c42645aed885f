using System.Text.Json;
using System.Text.RegularExpressions;
using ImageRules.AspNetCore.Authentication;
using ImageRules.AspNetCore.Tests.Support;
using ImageRules.Domain;
using ImageRules.Policy;
using static ImageRules.AspNetCore.Tests.Support.ApiHost;

namespace ImageRules.AspNetCore.Tests.Endpoint;

/// <summary>
/// The image API over HTTP, in process: every call signed as the SDK signs it, every answer read as the SDK reads it.
/// Each test starts its own app (a fresh world at 2026-01-01T00:00:00Z on a fake clock).
/// </summary>
public sealed partial class ImageApiEndpointTests : IAsyncLifetime
{
    private ApiHost api = null!;

    public async Task InitializeAsync() => api = await StartAsync();

    public async Task DisposeAsync() => await api.DisposeAsync();

    /// <summary>The ids of an answer's <c>ImageSet</c>, in order.</summary>
    private static List<string> IdsOf(JsonElement response) =>
        [.. response.GetProperty("ImageSet").EnumerateArray().Select(i => i.GetProperty("ImageId").GetString()!)];

    /// <summary>DescribeImages with <paramref name="body"/>, successful.</summary>
    private async Task<JsonElement> DescribeImagesAsync(object body, ApiCredential? key = null, string region = Guangzhou) =>
        (await api.CallAsync("DescribeImages", Json(body), key, region)).AssertSuccess();

    /// <summary>A public image of the region whose OS name contains <paramref name="osName"/>.</summary>
    private async Task<string> PublicImageAsync(string osName, string region = Guangzhou)
    {
        var found = await DescribeImagesAsync(new { Filters = new[] { new { Name = "image-type", Values = new[] { "PUBLIC_IMAGE" } } }, Limit = 100 }, region: region);
        return found.GetProperty("ImageSet").EnumerateArray()
            .First(i => i.GetProperty("OsName").GetString()!.Contains(osName, StringComparison.Ordinal))
            .GetProperty("ImageId").GetString()!;
    }

    /// <summary>Everything the owner and the recipient see in Guangzhou and Shanghai, grants and quota use included, to prove a call changed nothing.</summary>
    private async Task<string> WorldAsync()
    {
        var seen = new List<string>();
        foreach (var key in new[] { Owner, Recipient })
        {
            foreach (var region in new[] { Guangzhou, Shanghai })
            {
                var images = await DescribeImagesAsync(new { Limit = 100 }, key, region);
                seen.Add(images.GetRawText());
                foreach (var id in IdsOf(images))
                {
                    var grants = await api.CallAsync("DescribeImageSharePermission", Json(new { ImageId = id }), key, region);
                    seen.Add(grants.Code ?? grants.Response.GetProperty("SharePermissionSet").GetRawText());
                }

                var quota = await api.Images.DescribeQuotaAsync(new DescribeQuota(key.Account, new RegionId(region)));
                seen.Add(quota.Value.Used.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return RequestIds().Replace(string.Join('\n', seen), string.Empty);
    }

    [GeneratedRegex("\"RequestId\":\"[^\"]*\"")]
    private static partial Regex RequestIds();
}
