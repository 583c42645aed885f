using ImageRules.AspNetCore.Authentication;
using ImageRules.Domain;

namespace ImageRules.AspNetCore.Tests.Authentication;

public class AuthenticationResultTests
{
    private static readonly ApiCaller Caller = new(new AccountId("1038493875"), "AKIDone");

    [Fact]
    public void an_authenticated_result_gives_its_caller()
    {
        AuthenticationResult result = Caller;

        Assert.True(result.IsAuthenticated);
        Assert.Equal("AKIDone", result.Match(c => c.SecretId, f => f.Code));
    }

    [Fact]
    public void a_refused_result_gives_its_failure()
    {
        AuthenticationResult result = AuthenticationFailure.SecretIdNotFound("secret id `x` is not found");

        Assert.False(result.IsAuthenticated);
        Assert.Equal("AuthFailure.SecretIdNotFound", result.Match(c => c.SecretId, f => f.Code));
        Assert.Equal("AuthFailure.SecretIdNotFound: secret id `x` is not found", result.ToString());
    }

    [Fact]
    public void the_default_result_is_neither()
    {
        Assert.Throws<InvalidOperationException>(() => default(AuthenticationResult).TryGetCaller(out _, out _));
        Assert.Throws<InvalidOperationException>(() => default(AuthenticationResult).Match(_ => 0, _ => 1));
    }
}
