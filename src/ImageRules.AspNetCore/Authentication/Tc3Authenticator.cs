using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Ardalis.GuardClauses;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ImageRules.AspNetCore.Authentication;

/// <summary>
/// Authenticates requests to the image API as the provider does (signature v3, TC3-HMAC-SHA256): the Authorization
/// header's form, the timestamp's freshness, the key, the signature over the canonical request, then the session token.
/// </summary>
/// <remarks>
/// Decides from the method, query, headers and raw body alone, so it runs without a server. Thread-safe: one instance
/// serves every request. The signed <c>host</c> is checked without its port and, failing that, as sent, because the
/// official SDKs differ (the Node SDK signs the hostname alone while sending <c>Host</c> with the port).
/// </remarks>
internal sealed class Tc3Authenticator
{
    private const string TimestampHeader = "X-TC-Timestamp";
    private const string TokenHeader = "X-TC-Token";

    // DateTimeOffset's range, in Unix seconds: a timestamp past it cannot name a UTC date.
    private const long LatestTimestamp = 253_402_300_799;

    private readonly IApiCredentials credentials;
    private readonly TimeProvider clock;
    private readonly long allowedSkewSeconds;
    private readonly Tc3SigningKeys signingKeys = new();

    /// <summary>Authenticates against <paramref name="credentials"/>, reading the time from <paramref name="clock"/>.</summary>
    public Tc3Authenticator(IApiCredentials credentials, IOptions<ImageApiAuthenticationOptions> options, TimeProvider clock)
    {
        Guard.Against.Null(credentials);
        Guard.Against.Null(options);
        Guard.Against.Null(clock);
        this.credentials = credentials;
        this.clock = clock;
        allowedSkewSeconds = (long)options.Value.AllowedClockSkew.TotalSeconds;
    }

    /// <summary>Authenticates <paramref name="request"/>, whose body has been read into <paramref name="body"/>.</summary>
    public AuthenticationResult Authenticate(HttpRequest request, ReadOnlySpan<byte> body)
    {
        Guard.Against.Null(request);
        return Authenticate(request.Method, request.QueryString, request.Headers, body);
    }

    /// <summary>Authenticates a request given by its parts.</summary>
    /// <param name="method">The HTTP method as sent, such as <c>POST</c>.</param>
    /// <param name="query">The query string as sent (empty for the SDKs' POST requests).</param>
    /// <param name="headers">The request's headers.</param>
    /// <param name="body">The body's raw bytes, exactly as received.</param>
    public AuthenticationResult Authenticate(string method, QueryString query, IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        Guard.Against.Null(method);
        Guard.Against.Null(headers);

        // Sent twice, the values would be read joined by a comma, and the first one's credential could pass: refuse instead of guessing.
        if (headers.Authorization.Count > 1) return AuthenticationFailure.InvalidAuthorization("the request has more than one authorization header");
        string? header = headers.Authorization;
        if (string.IsNullOrWhiteSpace(header)) return AuthenticationFailure.InvalidAuthorization("the request has no authorization header");
        if (!Tc3Authorization.TryParse(header, out var authorization, out var malformed)) return AuthenticationFailure.InvalidAuthorization(malformed);

        var timestampText = Tc3CanonicalRequest.ValueOf(headers, TimestampHeader);
        if (timestampText.IsEmpty) return AuthenticationFailure.MissingParameter("the request is missing a required parameter `Timestamp`");
        if (!long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out long timestamp) || timestamp > LatestTimestamp)
        {
            return AuthenticationFailure.InvalidParameter($"timestamp `{timestampText}` is not a unix time in seconds");
        }

        if (CheckFreshness(timestamp) is { } stale) return stale;

        if (Find(authorization.SecretId) is not { } credential) return AuthenticationFailure.SecretIdNotFound($"secret id `{authorization.SecretId}` is not found");

        return CheckScope(authorization, headers, timestamp)
            ?? CheckSignature(authorization, credential, method, query, headers, timestampText, body)
            ?? CheckToken(credential, headers)
            ?? (AuthenticationResult)new ApiCaller(credential.Account, credential.SecretId);
    }

    // The default store is asked by the header's text itself; another store gets the string its interface takes.
    private ApiCredential? Find(ReadOnlySpan<char> secretId) =>
        credentials is InMemoryApiCredentials held ? held.Find(secretId) : credentials.Find(secretId.ToString());

    private AuthenticationFailure? CheckFreshness(long timestamp)
    {
        long now = clock.GetUtcNow().ToUnixTimeSeconds();
        return timestamp >= now - allowedSkewSeconds && timestamp <= now + allowedSkewSeconds ? null
            : AuthenticationFailure.SignatureExpire(
                $"timestamp `{timestamp}` is {Math.Abs(now - timestamp)} s from the server's clock; at most {allowedSkewSeconds} s is allowed");
    }

    // What the signature must cover before it is worth computing: content-type and host, every signed header, and
    // a credential date that is the timestamp's UTC date.
    private static AuthenticationFailure? CheckScope(Tc3Authorization authorization, IHeaderDictionary headers, long timestamp)
    {
        var signedHeaders = authorization.SignedHeaders;
        if (!Lists(signedHeaders, "content-type") || !Lists(signedHeaders, "host"))
        {
            return AuthenticationFailure.SignatureFailure($"signed headers `{signedHeaders}` must include content-type and host");
        }

        foreach (var range in signedHeaders.Split(';'))
        {
            if (!Tc3CanonicalRequest.Has(headers, signedHeaders[range]))
            {
                return AuthenticationFailure.SignatureFailure($"signed header `{signedHeaders[range]}` is not in the request");
            }
        }

        Span<char> date = stackalloc char[10];
        DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.TryFormat(date, out _, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return authorization.Date.SequenceEqual(date) ? null
            : AuthenticationFailure.SignatureFailure(
                $"credential date `{authorization.Date}` is not `{date}`, the utc date of timestamp `{timestamp}`");
    }

    private AuthenticationFailure? CheckSignature(
        Tc3Authorization authorization, ApiCredential credential, string method, QueryString query, IHeaderDictionary headers,
        ReadOnlySpan<char> timestamp, ReadOnlySpan<byte> body)
    {
        Span<byte> claimed = stackalloc byte[Tc3Signature.Size];
        Convert.FromHexString(authorization.Signature, claimed, out _, out _); // 64 hex digits, checked when parsed

        Span<byte> signingKey = stackalloc byte[Tc3Signature.Size], bodyHash = stackalloc byte[Tc3Signature.Size];
        signingKeys.Find(credential.SecretKey, authorization.Date, authorization.Service, signingKey);
        SHA256.HashData(body, bodyHash);

        Span<byte> canonicalHash = stackalloc byte[Tc3Signature.Size];
        var queryText = query.HasValue ? query.Value.AsSpan(1) : [];
        var host = Tc3CanonicalRequest.ValueOf(headers, HeaderNames.Host);
        int port = PortSeparator(host);

        // The hostname alone first: the official Node SDK signs it so while sending the port, and its requests then hash once.
        if (port > 0 && Signs(authorization, signingKey, claimed, method, queryText, headers, host[..port], timestamp, bodyHash, canonicalHash)) return null;
        if (Signs(authorization, signingKey, claimed, method, queryText, headers, host, timestamp, bodyHash, canonicalHash)) return null;

        // The canonical request's hash, unlike the expected signature, tells a client what to compare without helping forge one.
        return AuthenticationFailure.SignatureFailure(
            $"signature does not match the request; signed with host `{host}`, its canonical request hashes to `{Convert.ToHexStringLower(canonicalHash)}`");
    }

    // Whether the request with `host` signed for its host is what the claimed signature signs; canonicalHash is left holding its canonical request's hash.
    private static bool Signs(
        Tc3Authorization authorization, ReadOnlySpan<byte> signingKey, ReadOnlySpan<byte> claimed, string method, ReadOnlySpan<char> query,
        IHeaderDictionary headers, ReadOnlySpan<char> host, ReadOnlySpan<char> timestamp, ReadOnlySpan<byte> bodyHash, Span<byte> canonicalHash)
    {
        Span<byte> expected = stackalloc byte[Tc3Signature.Size];
        Tc3CanonicalRequest.Hash(method, query, headers, authorization.SignedHeaders, host, bodyHash, canonicalHash);
        Tc3Signature.Sign(signingKey, timestamp, authorization.Date, authorization.Service, canonicalHash, expected);
        return CryptographicOperations.FixedTimeEquals(expected, claimed);
    }

    private static AuthenticationFailure? CheckToken(ApiCredential credential, IHeaderDictionary headers)
    {
        var sent = Tc3CanonicalRequest.ValueOf(headers, TokenHeader);
        if (credential.SessionToken is not { } token)
        {
            return sent.IsEmpty ? null
                : AuthenticationFailure.TokenFailure($"secret id `{credential.SecretId}` is a permanent key, so the request's x-tc-token is unknown");
        }

        if (sent.IsEmpty) return AuthenticationFailure.TokenFailure($"secret id `{credential.SecretId}` is a temporary key and the request has no x-tc-token");
        return CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(sent), MemoryMarshal.AsBytes(token.AsSpan())) ? null
            : AuthenticationFailure.TokenFailure($"the request's x-tc-token is not the session token of secret id `{credential.SecretId}`");
    }

    private static bool Lists(ReadOnlySpan<char> signedHeaders, string name)
    {
        foreach (var range in signedHeaders.Split(';'))
        {
            if (signedHeaders[range].Equals(name, StringComparison.OrdinalIgnoreCase)) return true;
        }

        return false;
    }

    // Where ":port" starts in a Host value such as "127.0.0.1:8080" or "[::1]:8080"; 0 when there is no port.
    private static int PortSeparator(ReadOnlySpan<char> host)
    {
        int colon = host.LastIndexOf(':');
        bool bracketed = host.StartsWith('[');
        if (colon <= 0 || (bracketed ? host[colon - 1] != ']' : host[..colon].Contains(':'))) return 0;
        return colon < host.Length - 1 && !host[(colon + 1)..].ContainsAnyExceptInRange('0', '9') ? colon : 0;
    }
}
