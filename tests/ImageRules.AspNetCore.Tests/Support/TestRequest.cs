using Microsoft.AspNetCore.Http;

namespace ImageRules.AspNetCore.Tests.Support;

/// <summary>
/// A request signed by <see cref="ReferenceSigner"/>, as the Node SDK lays it out unless a test changes a part:
/// POST to <c>127.0.0.1:8080</c> with a JSON body, service <c>127</c>, and the hostname signed without its port.
/// </summary>
internal sealed record TestRequest
{
    /// <summary>2026-01-01T00:00:00Z: the tests' clock and the vectors' timestamp.</summary>
    public const long Now = 1_767_225_600;

    public const string SecretId = "AKIDimagerulesTEST0001";
    public const string SecretKey = "imagerulesTESTsecretkey000000001";
    public const string Account = "1038493875";

    public string Method { get; init; } = "POST";
    public string Query { get; init; } = "";
    public string Host { get; init; } = "127.0.0.1:8080";
    public string? SignedHost { get; init; } = "127.0.0.1";
    public string ContentType { get; init; } = "application/json";
    public string Body { get; init; } = """{"Filters":[{"Name":"image-type","Values":["PRIVATE_IMAGE"]}],"Limit":10}""";
    public long Timestamp { get; init; } = Now;
    public string? CredentialDate { get; init; }
    public string Service { get; init; } = "127";
    public string SigningSecretId { get; init; } = SecretId;
    public string SigningSecretKey { get; init; } = SecretKey;
    public IReadOnlyList<string> SignedHeaders { get; init; } = ["content-type", "host"];
    public IReadOnlyDictionary<string, string> OtherHeaders { get; init; } = new Dictionary<string, string> { ["X-TC-Action"] = "DescribeImages" };

    /// <summary>Raw bytes to send and sign instead of <see cref="Body"/>, for bodies that are not text.</summary>
    public byte[]? RawBody { get; init; }

    public byte[] BodyBytes => RawBody ?? System.Text.Encoding.UTF8.GetBytes(Body);

    public QueryString QueryString => Query.Length == 0 ? QueryString.Empty : new QueryString("?" + Query);

    /// <summary>The headers as sent, Authorization included.</summary>
    public HeaderDictionary Headers()
    {
        var headers = Unsigned();
        headers["Authorization"] = Authorization();
        return headers;
    }

    public string Authorization()
    {
        var date = CredentialDate ?? ReferenceSigner.UtcDate(Timestamp);
        var unsigned = Unsigned();
        var signed = SignedHeaders.Select(name => (name, name == "host" ? SignedHost ?? Host : unsigned[name].ToString()));
        var canonical = ReferenceSigner.CanonicalRequest(Method, Query, signed, BodyBytes);
        var signature = ReferenceSigner.Signature(SigningSecretKey, date, Service, ReferenceSigner.StringToSign(Timestamp, date, Service, canonical));
        return ReferenceSigner.Authorization(SigningSecretId, date, Service, string.Join(';', SignedHeaders), signature);
    }

    /// <summary>
    /// The HTTP message of this request: its headers (Host aside, which the client sets from its address) and body,
    /// or <paramref name="body"/> in its place.
    /// </summary>
    public HttpRequestMessage ToMessage(byte[]? body = null)
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Query.Length == 0 ? "/" : "/?" + Query);
        foreach (var (name, values) in Headers())
        {
            if (name is not ("Host" or "Content-Type"))
            {
                message.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        message.Content = new ByteArrayContent(body ?? BodyBytes);
        message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        return message;
    }

    private HeaderDictionary Unsigned()
    {
        var headers = new HeaderDictionary { ["Host"] = Host, ["Content-Type"] = ContentType, ["X-TC-Timestamp"] = Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var (name, value) in OtherHeaders) headers[name] = value;
        return headers;
    }
}
