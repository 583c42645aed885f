using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace ImageRules.AspNetCore.Authentication;

/// <summary>
/// The cryptography of signature v3: the signing key derived from a secret key and a credential scope, and the
/// signature over the string to sign. Hashing the canonical request is <see cref="Tc3CanonicalRequest"/>'s.
/// </summary>
internal static class Tc3Signature
{
    /// <summary>Bytes in a key, a hash or a signature (SHA-256).</summary>
    public const int Size = 32;

    private const int StackBytes = 256;

    /// <summary>
    /// The signing key: HMAC-SHA256 of the date keyed by <c>"TC3" + secretKey</c>, then of the service keyed by that,
    /// then of <c>tc3_request</c> keyed by that.
    /// </summary>
    public static void DeriveSigningKey(string secretKey, ReadOnlySpan<char> date, ReadOnlySpan<char> service, Span<byte> signingKey)
    {
        int most = 3 + Encoding.UTF8.GetMaxByteCount(secretKey.Length);
        byte[]? rented = most > StackBytes ? ArrayPool<byte>.Shared.Rent(most) : null;
        Span<byte> secret = rented ?? stackalloc byte[StackBytes];
        "TC3"u8.CopyTo(secret);
        secret = secret[..(3 + Encoding.UTF8.GetBytes(secretKey, secret[3..]))];

        Span<byte> dateKey = stackalloc byte[Size], serviceKey = stackalloc byte[Size];
        HmacUtf8(secret, date, dateKey);
        HmacUtf8(dateKey, service, serviceKey);
        HmacUtf8(serviceKey, Tc3Authorization.ScopeTerminator, signingKey);

        CryptographicOperations.ZeroMemory(secret); // the secret key does not outlive this call in a shared buffer
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
    }

    /// <summary>
    /// The signature: HMAC-SHA256, keyed with <paramref name="signingKey"/>, of the string to sign
    /// <c>TC3-HMAC-SHA256\n{timestamp}\n{date}/{service}/tc3_request\n{hex of the canonical request's hash}</c>.
    /// </summary>
    public static void Sign(
        ReadOnlySpan<byte> signingKey, ReadOnlySpan<char> timestamp, ReadOnlySpan<char> date, ReadOnlySpan<char> service,
        ReadOnlySpan<byte> canonicalRequestHash, Span<byte> signature)
    {
        var toSign = new Tc3Message(stackalloc byte[StackBytes]);
        try
        {
            toSign.Append(Tc3Authorization.Algorithm);
            toSign.Append('\n');
            toSign.Append(timestamp);
            toSign.Append('\n');
            toSign.Append(date);
            toSign.Append('/');
            toSign.Append(service);
            toSign.Append('/');
            toSign.Append(Tc3Authorization.ScopeTerminator);
            toSign.Append('\n');
            toSign.AppendLowerHex(canonicalRequestHash);
            HMACSHA256.HashData(signingKey, toSign.Written, signature);
        }
        finally
        {
            toSign.Dispose();
        }
    }

    private static void HmacUtf8(ReadOnlySpan<byte> key, ReadOnlySpan<char> text, Span<byte> mac)
    {
        int most = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = most > StackBytes ? ArrayPool<byte>.Shared.Rent(most) : null;
        Span<byte> buffer = rented ?? stackalloc byte[StackBytes];
        HMACSHA256.HashData(key, buffer[..Encoding.UTF8.GetBytes(text, buffer)], mac);
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
    }
}
