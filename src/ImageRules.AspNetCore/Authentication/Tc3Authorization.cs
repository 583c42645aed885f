using System.Diagnostics.CodeAnalysis;

namespace ImageRules.AspNetCore.Authentication;

/// <summary>
/// The parts of a signature v3 <c>Authorization</c> header, as views into it:
/// <c>TC3-HMAC-SHA256 Credential=SecretId/Date/Service/tc3_request, SignedHeaders=content-type;host, Signature=hex</c>.
/// </summary>
/// <remarks>Parsing checks the form only; whether the parts fit the request is <see cref="Tc3Authenticator"/>'s work.</remarks>
internal readonly ref struct Tc3Authorization
{
    /// <summary>The only algorithm of signature v3.</summary>
    public const string Algorithm = "TC3-HMAC-SHA256";

    /// <summary>The last part of every credential scope.</summary>
    public const string ScopeTerminator = "tc3_request";

    private const string Form = "`TC3-HMAC-SHA256 Credential=SecretId/Date/Service/tc3_request, SignedHeaders=…, Signature=…`";

    /// <summary>The key's id.</summary>
    public ReadOnlySpan<char> SecretId { get; private init; }

    /// <summary>The credential scope's date as sent; it should be the UTC date of the request's timestamp.</summary>
    public ReadOnlySpan<char> Date { get; private init; }

    /// <summary>The credential scope's service as sent (the SDKs take the endpoint's first label).</summary>
    public ReadOnlySpan<char> Service { get; private init; }

    /// <summary>The signed header names, <c>;</c>-separated, as sent.</summary>
    public ReadOnlySpan<char> SignedHeaders { get; private init; }

    /// <summary>The signature: 64 hex digits.</summary>
    public ReadOnlySpan<char> Signature { get; private init; }

    /// <summary>Splits <paramref name="header"/> into its parts.</summary>
    /// <param name="header">The <c>Authorization</c> header's value.</param>
    /// <param name="authorization">The parts, when well-formed.</param>
    /// <param name="problem">Why the header is malformed, as a failure message.</param>
    public static bool TryParse(ReadOnlySpan<char> header, out Tc3Authorization authorization, [NotNullWhen(false)] out string? problem)
    {
        authorization = default;
        header = header.Trim();
        int space = header.IndexOf(' ');
        if (space < 0 || !header[..space].SequenceEqual(Algorithm))
        {
            problem = $"authorization `{Abbreviate(header)}` is not of the form {Form}";
            return false;
        }

        ReadOnlySpan<char> credential = [], signedHeaders = [], signature = [];
        var parts = header[(space + 1)..];
        foreach (var range in parts.Split(','))
        {
            var part = parts[range].Trim();
            int equals = part.IndexOf('=');
            if (equals < 0) continue;
            var value = part[(equals + 1)..];
            switch (part[..equals])
            {
                case "Credential": credential = value; break;
                case "SignedHeaders": signedHeaders = value; break;
                case "Signature": signature = value; break;
                default: break; // other parts (none today) take no part in the signature
            }
        }

        problem = CheckCredential(credential, out var secretId, out var date, out var service)
            ?? CheckSignedHeaders(signedHeaders)
            ?? CheckSignature(signature);
        if (problem is not null) return false;

        authorization = new Tc3Authorization
        {
            SecretId = secretId, Date = date, Service = service, SignedHeaders = signedHeaders, Signature = signature,
        };
        return true;
    }

    private static string? CheckCredential(
        ReadOnlySpan<char> credential, out ReadOnlySpan<char> secretId, out ReadOnlySpan<char> date, out ReadOnlySpan<char> service)
    {
        secretId = date = service = [];
        Span<Range> parts = stackalloc Range[5];
        if (credential.Split(parts, '/') != 4 || !credential[parts[3]].SequenceEqual(ScopeTerminator)
            || credential[parts[0]].IsEmpty || credential[parts[1]].IsEmpty || credential[parts[2]].IsEmpty)
        {
            return credential.IsEmpty
                ? "authorization has no credential"
                : $"authorization credential `{credential}` is not of the form `SecretId/Date/Service/tc3_request`";
        }

        secretId = credential[parts[0]];
        date = credential[parts[1]];
        service = credential[parts[2]];
        return null;
    }

    private static string? CheckSignedHeaders(ReadOnlySpan<char> signedHeaders)
    {
        if (signedHeaders.IsEmpty) return "authorization has no signed headers";
        foreach (var range in signedHeaders.Split(';'))
        {
            if (signedHeaders[range].IsWhiteSpace()) return $"authorization signed headers `{signedHeaders}` name an empty header";
        }

        return null;
    }

    private static string? CheckSignature(ReadOnlySpan<char> signature) =>
        signature.Length == 64 && !signature.ContainsAnyExcept(HexDigits) ? null
            : signature.IsEmpty ? "authorization has no signature"
            : $"authorization signature `{Abbreviate(signature)}` is not 64 hex digits";

    private static readonly System.Buffers.SearchValues<char> HexDigits =
        System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    // A refused header is echoed, but never at length.
    private static string Abbreviate(ReadOnlySpan<char> text) => text.Length <= 80 ? text.ToString() : $"{text[..77]}...";
}
