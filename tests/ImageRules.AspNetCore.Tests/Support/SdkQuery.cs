using System.Text.Json;

namespace ImageRules.AspNetCore.Tests.Support;

/// <summary>
/// A request object flattened into a query string as the official Node SDK sends a GET
/// (tencentcloud-sdk-nodejs-common: <c>mergeData</c>, then <c>querystring.stringify</c>): nested names joined by
/// <c>.</c>, array items by their index, nulls left out, booleans and numbers as their JSON text, names and values
/// percent-encoded.
/// </summary>
internal static class SdkQuery
{
    public static string Flatten(string json)
    {
        using var document = JsonDocument.Parse(json);
        var pairs = new List<string>();
        Flatten(document.RootElement, string.Empty, pairs);
        return string.Join('&', pairs);
    }

    private static void Flatten(JsonElement value, string prefix, List<string> pairs)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject()) Flatten(property.Value, prefix + property.Name + ".", pairs);
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray()) Flatten(item, prefix + index++ + ".", pairs);
                break;
            case JsonValueKind.Null:
                break;
            default:
                var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
                pairs.Add(Uri.EscapeDataString(prefix[..^1]) + "=" + Uri.EscapeDataString(text));
                break;
        }
    }
}
