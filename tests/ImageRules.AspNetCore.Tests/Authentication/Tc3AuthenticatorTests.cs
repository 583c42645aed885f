using ImageRules.AspNetCore.Authentication;
using ImageRules.AspNetCore.Tests.Support;
using ImageRules.Domain;
using Microsoft.AspNetCore.Http;

namespace ImageRules.AspNetCore.Tests.Authentication;

public partial class Tc3AuthenticatorTests
{
    private static readonly Tc3Authenticator Authenticator = Authenticators.At(TestRequest.Now);

    [Fact]
    public void a_signed_request_authenticates_as_its_keys_account()
    {
        var caller = Authenticator.Authenticate(new TestRequest()).AssertAuthenticated();

        Assert.Equal(new ApiCaller(new AccountId(TestRequest.Account), TestRequest.SecretId), caller);
    }

    [Theory]
    [InlineData("127.0.0.1:8080", "127.0.0.1")] // the Node SDK signs the hostname alone
    [InlineData("127.0.0.1:8080", "127.0.0.1:8080")] // the Go and Python SDKs sign the endpoint with its port
    [InlineData("cvm.tencentcloudapi.com", "cvm.tencentcloudapi.com")]
    [InlineData("[::1]:8080", "[::1]")]
    [InlineData("LocalHost:5000", "localhost")] // values are lower-cased
    public void the_signed_host_is_the_host_header_with_or_without_its_port(string host, string signedHost)
    {
        Authenticator.Authenticate(new TestRequest { Host = host, SignedHost = signedHost }).AssertAuthenticated();
    }

    [Theory]
    [InlineData("127")] // what the SDKs derive from the endpoint 127.0.0.1:PORT
    [InlineData("cvm")]
    [InlineData("anything")]
    public void the_scopes_service_is_taken_as_given(string service)
    {
        Authenticator.Authenticate(new TestRequest { Service = service }).AssertAuthenticated();
    }

    [Fact]
    public void further_signed_headers_count_with_their_values_lower_cased_as_the_documentation_signs_x_tc_action()
    {
        var request = new TestRequest { SignedHeaders = ["content-type", "host", "x-tc-action"] };

        Authenticator.Authenticate(request).AssertAuthenticated();
    }

    [Fact]
    public void a_get_request_signs_its_query_as_sent_and_an_empty_body()
    {
        var request = new TestRequest
        {
            Method = "GET", Query = "Limit=10&ImageIds.0=img-8toqc6s3", ContentType = "application/x-www-form-urlencoded", Body = "",
        };

        Authenticator.Authenticate(request).AssertAuthenticated();
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    [InlineData(0)]
    public void a_timestamp_up_to_300_seconds_either_way_is_fresh(int offset)
    {
        Authenticator.Authenticate(new TestRequest { Timestamp = TestRequest.Now + offset }).AssertAuthenticated();
    }

    [Fact]
    public void a_timestamp_just_after_midnight_utc_is_signed_with_that_new_date()
    {
        var authenticator = Authenticators.At(TestRequest.Now + 10);

        authenticator.Authenticate(new TestRequest { Timestamp = TestRequest.Now - 10, CredentialDate = "2025-12-31" }).AssertAuthenticated();
        authenticator.Authenticate(new TestRequest { Timestamp = TestRequest.Now + 10, CredentialDate = "2026-01-01" }).AssertAuthenticated();
    }

    [Fact]
    public void a_temporary_key_authenticates_with_its_session_token()
    {
        var request = Signed(Authenticators.Temporary) with
        {
            OtherHeaders = new Dictionary<string, string> { ["X-TC-Token"] = "session-token-0001" },
        };

        Assert.Equal(Authenticators.Temporary.Account, Authenticator.Authenticate(request).AssertAuthenticated().Account);
    }

    [Fact]
    public void an_http_request_authenticates_from_its_method_query_and_headers()
    {
        var signed = new TestRequest { Method = "GET", Query = "Limit=1", ContentType = "application/x-www-form-urlencoded", Body = "" };
        var http = new DefaultHttpContext().Request;
        http.Method = "GET";
        http.QueryString = signed.QueryString;
        foreach (var (name, value) in signed.Headers()) http.Headers[name] = value;

        Authenticator.Authenticate(http, signed.BodyBytes).AssertAuthenticated();
    }

    private static TestRequest Signed(ApiCredential key) => new() { SigningSecretId = key.SecretId, SigningSecretKey = key.SecretKey };
}
