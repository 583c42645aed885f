using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace ImageRules.AspNetCore.Wire;

/// <summary>
/// The parameters of a GET request, flattened into its query string as the SDKs flatten them
/// (<c>ImageIds.0=img-1&amp;Filters.0.Name=image-type&amp;Filters.0.Values.0=PRIVATE_IMAGE&amp;Limit=20</c>), rebuilt as
/// the JSON object a POST would carry, so that one reader decodes and validates both.
/// </summary>
/// <remarks>
/// Each name is split at <c>.</c>: a part of digits is an array index, any other part a property name. Values stay
/// strings in the JSON; <see cref="WireJsonContext.Query"/> reads numbers and booleans from them. Refused as
/// <c>InvalidParameter</c>: a name given twice, a name that is both a value and a container (<c>Filters=x</c> beside
/// <c>Filters.0.Name=y</c>), an empty part, indices of one array that are not 0, 1, … without gaps (or that are
/// written with leading zeros), and names that mix indices and properties at one level. A query longer than
/// <see cref="MaxQueryBytes"/> is <c>RequestSizeLimitExceeded</c>. Stateless and thread-safe.
/// </remarks>
internal static class WireQuery
{
    /// <summary>32 KB: the documented cap of a GET request (API 3.0 "请求结构": "GET 请求的请求包大小不得超过32KB").</summary>
    public const int MaxQueryBytes = 32 * 1024;

    /// <summary>
    /// The JSON object of <paramref name="query"/> (as sent, without its <c>?</c>), or the error to answer.
    /// </summary>
    public static byte[]? ToJson(ReadOnlySpan<char> query, out WireError? error)
    {
        if (query.Length > MaxQueryBytes)
        {
            error = WireErrors.QueryTooLarge(query.Length);
            return null;
        }

        var root = new Node();
        foreach (var range in query.Split('&'))
        {
            var pair = query[range];
            if (pair.IsEmpty)
            {
                continue; // "a=1&&b=2": an empty pair names nothing
            }

            var equals = pair.IndexOf('=');
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            if ((error = root.Add(name, value)) is not null)
            {
                return null;
            }
        }

        var buffer = new ArrayBufferWriter<byte>(Math.Max(256, query.Length * 2));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if ((error = root.Write(writer, string.Empty)) is not null)
            {
                return null;
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    // application/x-www-form-urlencoded, as the SDKs send it: %XX escapes in UTF-8, and '+' for a space.
    private static string Decode(ReadOnlySpan<char> text) =>
        Uri.UnescapeDataString(text.Contains('+') ? text.ToString().Replace('+', ' ') : text.ToString());

    /// <summary>One level of the rebuilt object: a value, or named children (properties or array indices).</summary>
    private sealed class Node
    {
        private string? value;
        private Dictionary<string, Node>? children;

        public WireError? Add(string name, string text)
        {
            var node = this;
            var rest = name.AsSpan();
            var path = name;
            for (var depth = 1; ; depth++)
            {
                if (depth > WireRequestReader.MaxDepth)
                {
                    return WireErrors.MalformedQuery($"parameter `{Shorten(path)}` nests deeper than {WireRequestReader.MaxDepth} levels");
                }

                var dot = rest.IndexOf('.');
                var part = dot < 0 ? rest : rest[..dot];
                if (part.IsEmpty)
                {
                    return WireErrors.MalformedQuery($"parameter `{Shorten(path)}` has an empty part");
                }

                if (node.value is not null)
                {
                    return WireErrors.MalformedQuery($"parameter `{Shorten(path)}` is inside a parameter given a value");
                }

                node.children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
                var key = part.ToString();
                if (!node.children.TryGetValue(key, out var child))
                {
                    node.children.Add(key, child = new Node());
                }

                node = child;
                if (dot < 0)
                {
                    break;
                }

                rest = rest[(dot + 1)..];
            }

            if (node.value is not null || node.children is not null)
            {
                return WireErrors.MalformedQuery($"parameter `{Shorten(path)}` is given more than once");
            }

            node.value = text;
            return null;
        }

        public WireError? Write(Utf8JsonWriter writer, string path)
        {
            if (value is not null)
            {
                writer.WriteStringValue(value);
                return null;
            }

            var items = children ?? [];
            var indices = items.Keys.Count(IsIndex);
            if (indices == 0 || path.Length == 0)
            {
                writer.WriteStartObject();
                foreach (var (name, child) in items)
                {
                    writer.WritePropertyName(name);
                    if (child.Write(writer, Join(path, name)) is { } error)
                    {
                        return error;
                    }
                }

                writer.WriteEndObject();
                return null;
            }

            if (indices != items.Count)
            {
                return WireErrors.MalformedQuery($"parameter `{Shorten(path)}` mixes indices and names");
            }

            writer.WriteStartArray();
            for (var i = 0; i < items.Count; i++)
            {
                var index = i.ToString(CultureInfo.InvariantCulture);
                if (!items.TryGetValue(index, out var child))
                {
                    return WireErrors.MalformedQuery($"parameter `{Shorten(path)}` has {items.Count} values but no `{Shorten(path)}.{index}`");
                }

                if (child.Write(writer, Join(path, index)) is { } error)
                {
                    return error;
                }
            }

            writer.WriteEndArray();
            return null;
        }

        private static bool IsIndex(string part) => !part.AsSpan().ContainsAnyExceptInRange('0', '9');

        private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

        private static string Shorten(string text) => WireErrors.Shorten(text);
    }
}
