using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ImageRules.AspNetCore.Tests.Support;

/// <summary>
/// Signature v3 written as plainly as the provider's documentation states it, with strings and no streaming: the
/// reference the tests sign with, itself checked against the documented example.
/// </summary>
internal static class ReferenceSigner
{
    public static string CanonicalRequest(string method, string query, IEnumerable<(string Name, string Value)> signedHeaders, byte[] body)
    {
        var headers = signedHeaders.ToList();
        var canonicalHeaders = string.Concat(headers.Select(h => $"{h.Name.ToLowerInvariant()}:{h.Value.Trim().ToLowerInvariant()}\n"));
        var names = string.Join(';', headers.Select(h => h.Name.ToLowerInvariant()));
        return $"{method}\n/\n{query}\n{canonicalHeaders}\n{names}\n{Hex(SHA256.HashData(body))}";
    }

    public static string StringToSign(long timestamp, string date, string service, string canonicalRequest) =>
        $"TC3-HMAC-SHA256\n{timestamp}\n{date}/{service}/tc3_request\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

    public static string Signature(string secretKey, string date, string service, string stringToSign) =>
        Hex(Hmac(SigningKey(secretKey, date, service), stringToSign));

    public static byte[] SigningKey(string secretKey, string date, string service)
    {
        var key = Hmac(Encoding.UTF8.GetBytes("TC3" + secretKey), date);
        key = Hmac(key, service);
        return Hmac(key, "tc3_request");
    }

    public static string Authorization(string secretId, string date, string service, string signedHeaders, string signature) =>
        $"TC3-HMAC-SHA256 Credential={secretId}/{date}/{service}/tc3_request, SignedHeaders={signedHeaders}, Signature={signature}";

    public static string UtcDate(long timestamp) =>
        DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private static byte[] Hmac(byte[] key, string message) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(message));
}
