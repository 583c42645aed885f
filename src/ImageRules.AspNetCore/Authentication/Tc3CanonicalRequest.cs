using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ImageRules.AspNetCore.Authentication;

/// <summary>
/// Hashes a request's canonical form, streamed rather than built as a string:
/// <c>{method}\n/\n{query}\n{name:value\n for each signed header}\n{signed headers}\n{hex SHA-256 of the body}</c>.
/// </summary>
/// <remarks>
/// As the provider's documentation says, header names and values are lower-cased and values trimmed; the URI is always
/// <c>/</c> (API 3.0 serves every action there) and the query is taken as sent, without its <c>?</c>.
/// </remarks>
internal static class Tc3CanonicalRequest
{
    // Enough for the SDKs' POST (about 300 bytes); a long query or many signed headers move to a pooled array.
    private const int StackBytes = 1024;

    /// <summary>Writes the canonical request's SHA-256 to <paramref name="destination"/>.</summary>
    /// <param name="method">The HTTP method as sent.</param>
    /// <param name="query">The query string as sent, without its leading <c>?</c>.</param>
    /// <param name="headers">The request's headers.</param>
    /// <param name="signedHeaders">The signed header names, <c>;</c>-separated, as the Authorization header lists them.</param>
    /// <param name="host">The value to sign for <c>host</c>: the Host header as sent, or without its port.</param>
    /// <param name="bodyHash">SHA-256 of the raw body bytes.</param>
    /// <param name="destination">32 bytes.</param>
    public static void Hash(
        string method, ReadOnlySpan<char> query, IHeaderDictionary headers,
        ReadOnlySpan<char> signedHeaders, ReadOnlySpan<char> host, ReadOnlySpan<byte> bodyHash, Span<byte> destination)
    {
        var canonical = new Tc3Message(stackalloc byte[StackBytes]);
        try
        {
            canonical.Append(method);
            canonical.Append("\n/\n");
            canonical.Append(query);
            canonical.Append('\n');
            foreach (var range in signedHeaders.Split(';'))
            {
                var name = signedHeaders[range];
                canonical.Append(name, lowerAscii: true);
                canonical.Append(':');
                canonical.Append(name.Equals("host", StringComparison.OrdinalIgnoreCase) ? host : ValueOf(headers, name), lowerAscii: true);
                canonical.Append('\n');
            }

            canonical.Append('\n');
            canonical.Append(signedHeaders);
            canonical.Append('\n');
            canonical.AppendLowerHex(bodyHash);
            SHA256.HashData(canonical.Written, destination);
        }
        finally
        {
            canonical.Dispose();
        }
    }

    /// <summary>The header's value, trimmed; several values are joined by commas, as HTTP does.</summary>
    public static ReadOnlySpan<char> ValueOf(IHeaderDictionary headers, string name) => headers[name].ToString().AsSpan().Trim();

    /// <summary>True when the request has the header <paramref name="name"/>, even empty.</summary>
    public static bool Has(IHeaderDictionary headers, ReadOnlySpan<char> name) => headers[KeyOf(name)].Count > 0;

    private static ReadOnlySpan<char> ValueOf(IHeaderDictionary headers, ReadOnlySpan<char> name) => ValueOf(headers, KeyOf(name));

    // The headers the SDKs sign are looked up by a constant name, so that looking them up allocates nothing.
    private static string KeyOf(ReadOnlySpan<char> name)
    {
        foreach (var known in KnownHeaders)
        {
            if (name.Equals(known, StringComparison.OrdinalIgnoreCase)) return known;
        }

        return name.ToString();
    }

    private static readonly string[] KnownHeaders =
        [HeaderNames.ContentType, HeaderNames.Host, "X-TC-Action", "X-TC-Timestamp", "X-TC-Version", "X-TC-Region"];
}
