using ImageRules.AspNetCore.Authentication;
using ImageRules.AspNetCore.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace ImageRules.AspNetCore.Tests.Authentication;

/// <summary>Every way a request is refused, with the provider's code for it (its "common error codes").</summary>
public partial class Tc3AuthenticatorTests
{
    private const string InvalidAuthorization = "AuthFailure.InvalidAuthorization";
    private const string SecretIdNotFound = "AuthFailure.SecretIdNotFound";
    private const string SignatureFailure = "AuthFailure.SignatureFailure";
    private const string SignatureExpire = "AuthFailure.SignatureExpire";
    private const string TokenFailure = "AuthFailure.TokenFailure";

    private static readonly string Signature64 = new('a', 64);

    private static readonly Dictionary<string, (string Code, Func<AuthenticationResult> Run)> Refusals = new()
    {
        ["no authorization header"] = (InvalidAuthorization, () => Sent(new TestRequest(), h => h.Remove("Authorization"))),
        ["the authorization header twice, the same"] = (InvalidAuthorization, () => Sent(new TestRequest(), h => h.Append("Authorization", h["Authorization"].ToString()))),
        ["a blank authorization header"] = (InvalidAuthorization, () => Sent(new TestRequest(), h => h["Authorization"] = "  ")),
        ["another algorithm"] = (InvalidAuthorization, () => Sent(new TestRequest(), h => h["Authorization"] = h["Authorization"].ToString().Replace("TC3-HMAC-SHA256", "HmacSHA256", StringComparison.Ordinal))),
        ["the algorithm alone"] = (InvalidAuthorization, () => Sent(new TestRequest(), h => h["Authorization"] = "TC3-HMAC-SHA256")),
        ["no credential"] = (InvalidAuthorization, () => WithAuthorization($"TC3-HMAC-SHA256 SignedHeaders=content-type;host, Signature={Signature64}")),
        ["a credential of three parts"] = (InvalidAuthorization, () => WithAuthorization($"TC3-HMAC-SHA256 Credential={TestRequest.SecretId}/2026-01-01/tc3_request, SignedHeaders=content-type;host, Signature={Signature64}")),
        ["a credential ending otherwise than tc3_request"] = (InvalidAuthorization, () => WithAuthorization($"TC3-HMAC-SHA256 Credential={TestRequest.SecretId}/2026-01-01/127/aws4_request, SignedHeaders=content-type;host, Signature={Signature64}")),
        ["an empty secret id"] = (InvalidAuthorization, () => WithAuthorization($"TC3-HMAC-SHA256 Credential=/2026-01-01/127/tc3_request, SignedHeaders=content-type;host, Signature={Signature64}")),
        ["no signed headers"] = (InvalidAuthorization, () => WithAuthorization($"TC3-HMAC-SHA256 Credential={TestRequest.SecretId}/2026-01-01/127/tc3_request, Signature={Signature64}")),
        ["an empty signed header name"] = (InvalidAuthorization, () => WithAuthorization($"TC3-HMAC-SHA256 Credential={TestRequest.SecretId}/2026-01-01/127/tc3_request, SignedHeaders=content-type;;host, Signature={Signature64}")),
        ["no signature"] = (InvalidAuthorization, () => WithAuthorization($"TC3-HMAC-SHA256 Credential={TestRequest.SecretId}/2026-01-01/127/tc3_request, SignedHeaders=content-type;host")),
        ["a signature of 63 hex digits"] = (InvalidAuthorization, () => WithAuthorization($"TC3-HMAC-SHA256 Credential={TestRequest.SecretId}/2026-01-01/127/tc3_request, SignedHeaders=content-type;host, Signature={Signature64[1..]}")),
        ["a signature that is not hex"] = (InvalidAuthorization, () => WithAuthorization($"TC3-HMAC-SHA256 Credential={TestRequest.SecretId}/2026-01-01/127/tc3_request, SignedHeaders=content-type;host, Signature={new string('z', 64)}")),

        ["no timestamp"] = ("MissingParameter", () => Sent(new TestRequest(), h => h.Remove("X-TC-Timestamp"))),
        ["a timestamp that is not a number"] = ("InvalidParameter", () => Sent(new TestRequest(), h => h["X-TC-Timestamp"] = "yesterday")),
        ["a negative timestamp"] = ("InvalidParameter", () => Sent(new TestRequest(), h => h["X-TC-Timestamp"] = "-1767225600")),
        ["a timestamp past the year 9999"] = ("InvalidParameter", () => Sent(new TestRequest(), h => h["X-TC-Timestamp"] = "1767225600000")),

        ["a timestamp 301 seconds old"] = (SignatureExpire, () => Authenticator.Authenticate(new TestRequest { Timestamp = TestRequest.Now - 301 })),
        ["a timestamp 301 seconds ahead"] = (SignatureExpire, () => Authenticator.Authenticate(new TestRequest { Timestamp = TestRequest.Now + 301 })),
        ["a timestamp 61 seconds old when 60 are allowed"] = (SignatureExpire, () => Authenticators.At(TestRequest.Now, TimeSpan.FromSeconds(60)).Authenticate(new TestRequest { Timestamp = TestRequest.Now - 61 })),

        ["an unknown secret id"] = (SecretIdNotFound, () => Authenticator.Authenticate(new TestRequest { SigningSecretId = "AKIDunknown" })),
        ["a secret id in another case"] = (SecretIdNotFound, () => Authenticator.Authenticate(new TestRequest { SigningSecretId = TestRequest.SecretId.ToLowerInvariant() })),

        ["a tampered body"] = (SignatureFailure, () => Authenticator.Authenticate("POST", QueryString.Empty, new TestRequest().Headers(), "{\"Limit\":11}"u8.ToArray())),
        ["a body with one more space"] = (SignatureFailure, () => Authenticator.Authenticate("POST", QueryString.Empty, new TestRequest { Body = "{}" }.Headers(), "{ }"u8.ToArray())),
        ["another secret key"] = (SignatureFailure, () => Authenticator.Authenticate(new TestRequest { SigningSecretKey = "not-the-secret-key" })),
        ["a credential date a day after the timestamp's"] = (SignatureFailure, () => Authenticator.Authenticate(new TestRequest { CredentialDate = "2026-01-02" })),
        ["a credential date in local time ahead of utc"] = (SignatureFailure, () => Authenticators.At(TestRequest.Now - 60).Authenticate(new TestRequest { Timestamp = TestRequest.Now - 60, CredentialDate = "2026-01-01" })),
        ["a credential date in another format"] = (SignatureFailure, () => Authenticator.Authenticate(new TestRequest { CredentialDate = "2026-1-1" })),
        ["signed headers without host"] = (SignatureFailure, () => Authenticator.Authenticate(new TestRequest { SignedHeaders = ["content-type"] })),
        ["signed headers without content-type"] = (SignatureFailure, () => Authenticator.Authenticate(new TestRequest { SignedHeaders = ["host", "x-tc-action"] })),
        ["a signed header that is not in the request"] = (SignatureFailure, () => Sent(new TestRequest { SignedHeaders = ["content-type", "host", "x-tc-action"] }, h => h.Remove("X-TC-Action"))),
        ["a changed signed header"] = (SignatureFailure, () => Sent(new TestRequest { SignedHeaders = ["content-type", "host", "x-tc-action"] }, h => h["X-TC-Action"] = "DeleteImages")),
        ["another content type"] = (SignatureFailure, () => Sent(new TestRequest(), h => h["Content-Type"] = "application/json; charset=utf-8")),
        ["another host"] = (SignatureFailure, () => Sent(new TestRequest(), h => h["Host"] = "127.0.0.2:8080")),
        ["another port, signed"] = (SignatureFailure, () => Sent(new TestRequest { SignedHost = "127.0.0.1:8080" }, h => h["Host"] = "127.0.0.1:9090")),
        ["a tampered query"] = (SignatureFailure, () => Authenticator.Authenticate("GET", new QueryString("?Limit=11"), new TestRequest { Method = "GET", Query = "Limit=10", Body = "" }.Headers(), [])),
        ["another method"] = (SignatureFailure, () => Authenticator.Authenticate("PUT", QueryString.Empty, new TestRequest().Headers(), new TestRequest().BodyBytes)),
        ["another timestamp than the signed one"] = (SignatureFailure, () => Sent(new TestRequest(), h => h["X-TC-Timestamp"] = (TestRequest.Now + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))),

        ["an unknown token"] = (TokenFailure, () => Sent(TemporarilySigned(), h => h["X-TC-Token"] = "session-token-0002")),
        ["a token with a permanent key"] = (TokenFailure, () => Sent(new TestRequest(), h => h["X-TC-Token"] = "session-token-0001")),
        ["a temporary key without its token"] = (TokenFailure, () => Authenticator.Authenticate(TemporarilySigned())),
    };

    public static TheoryData<string> RefusalNames => [.. Refusals.Keys];

    [Theory]
    [MemberData(nameof(RefusalNames))]
    public void a_refused_request_gets_the_providers_code(string refusal)
    {
        var (code, run) = Refusals[refusal];

        run().AssertRefused(code);
    }

    [Theory]
    [MemberData(nameof(RefusalNames))]
    public void a_refusal_says_why_in_one_lowercase_line(string refusal)
    {
        var (code, run) = Refusals[refusal];

        var message = run().AssertRefused(code).Message;

        Assert.Matches("^[a-z][^\r\n]*[^.]$", message);
    }

    [Fact]
    public void a_signature_mismatch_names_the_canonical_requests_hash_but_never_the_expected_signature()
    {
        var request = new TestRequest();
        var canonical = ReferenceSigner.CanonicalRequest(
            "POST", "", [("content-type", "application/json"), ("host", "127.0.0.1:8080")], "{\"Limit\":11}"u8.ToArray());

        var message = Authenticator.Authenticate("POST", QueryString.Empty, request.Headers(), "{\"Limit\":11}"u8.ToArray()).AssertRefused(SignatureFailure).Message;

        Assert.Contains(ReferenceSigner.Hex(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical))), message, StringComparison.Ordinal);
        Assert.DoesNotContain(request.Authorization()[^64..], message, StringComparison.Ordinal);
    }

    [Fact]
    public void refusals_name_the_offending_value()
    {
        Assert.Contains("`AKIDunknown`", Authenticator.Authenticate(new TestRequest { SigningSecretId = "AKIDunknown" }).AssertRefused(SecretIdNotFound).Message, StringComparison.Ordinal);
        Assert.Contains("`2026-01-02`", Authenticator.Authenticate(new TestRequest { CredentialDate = "2026-01-02" }).AssertRefused(SignatureFailure).Message, StringComparison.Ordinal);
        Assert.Contains("301 s", Authenticator.Authenticate(new TestRequest { Timestamp = TestRequest.Now - 301 }).AssertRefused(SignatureExpire).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void an_expired_request_is_refused_before_its_key_is_looked_up()
    {
        Authenticator.Authenticate(new TestRequest { Timestamp = TestRequest.Now - 3600, SigningSecretId = "AKIDunknown" }).AssertRefused(SignatureExpire);
    }

    private static AuthenticationResult Sent(TestRequest request, Action<HeaderDictionary> change)
    {
        var headers = request.Headers();
        change(headers);
        return Authenticator.Authenticate(request.Method, request.QueryString, headers, request.BodyBytes);
    }

    private static AuthenticationResult WithAuthorization(string authorization) => Sent(new TestRequest(), h => h["Authorization"] = authorization);

    private static TestRequest TemporarilySigned() => Signed(Authenticators.Temporary);
}
