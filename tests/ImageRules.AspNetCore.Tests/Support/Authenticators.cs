using ImageRules.AspNetCore.Authentication;
using ImageRules.Domain;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ImageRules.AspNetCore.Tests.Support;

/// <summary>Authenticators over fixed keys and a clock stopped at a given time.</summary>
internal static class Authenticators
{
    public static readonly ApiCredential Permanent = new(TestRequest.SecretId, TestRequest.SecretKey, new AccountId(TestRequest.Account));

    public static readonly ApiCredential Temporary = new("AKIDimagerulesTEMPORARY1", "imagerulesTEMPORARYsecretkey0001", new AccountId("2000000002"), "session-token-0001");

    public static Tc3Authenticator At(long unixSeconds, TimeSpan? allowedClockSkew = null, params ApiCredential[] keys) =>
        new(
            new InMemoryApiCredentials(keys.Length == 0 ? [Permanent, Temporary] : keys),
            Options.Create(new ImageApiAuthenticationOptions { AllowedClockSkew = allowedClockSkew ?? TimeSpan.FromSeconds(300) }),
            new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));

    public static AuthenticationResult Authenticate(this Tc3Authenticator authenticator, TestRequest request) =>
        authenticator.Authenticate(request.Method, request.QueryString, request.Headers(), request.BodyBytes);

    public static ApiCaller AssertAuthenticated(this AuthenticationResult result)
    {
        Assert.True(result.TryGetCaller(out var caller, out var failure), failure?.ToString());
        return caller;
    }

    public static AuthenticationFailure AssertRefused(this AuthenticationResult result, string code)
    {
        Assert.False(result.TryGetCaller(out var caller, out var failure), $"authenticated {caller}");
        Assert.Equal(code, failure.Code);
        return failure;
    }
}
