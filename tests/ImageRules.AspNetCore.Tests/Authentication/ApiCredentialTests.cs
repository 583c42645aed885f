using ImageRules.AspNetCore.Authentication;
using ImageRules.Domain;

namespace ImageRules.AspNetCore.Tests.Authentication;

public class ApiCredentialTests
{
    private static readonly AccountId Account = new("1038493875");

    [Fact]
    public void a_credential_keeps_what_it_is_made_with()
    {
        var credential = new ApiCredential("AKIDone", "secret", Account, "token");

        Assert.Equal(("AKIDone", "secret", Account, "token"), (credential.SecretId, credential.SecretKey, credential.Account, credential.SessionToken));
        Assert.Null(new ApiCredential("AKIDone", "secret", Account).SessionToken);
    }

    [Fact]
    public void to_string_shows_neither_the_secret_key_nor_the_token()
    {
        var text = new ApiCredential("AKIDone", "very-secret-key", Account, "session-token").ToString();

        Assert.Contains("AKIDone", text, StringComparison.Ordinal);
        Assert.Contains("1038493875", text, StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret-key", text, StringComparison.Ordinal);
        Assert.DoesNotContain("session-token", text, StringComparison.Ordinal);
    }

    [Fact]
    public void credentials_are_equal_by_value()
    {
        Assert.Equal(new ApiCredential("AKIDone", "secret", Account), new ApiCredential("AKIDone", "secret", Account));
        Assert.NotEqual(new ApiCredential("AKIDone", "secret", Account), new ApiCredential("AKIDone", "other", Account));
    }

    [Theory]
    [InlineData("", "secret", "1038493875", null)]
    [InlineData(" ", "secret", "1038493875", null)]
    [InlineData("AKID/one", "secret", "1038493875", null)]
    [InlineData("AKID,one", "secret", "1038493875", null)]
    [InlineData("AKID one", "secret", "1038493875", null)]
    [InlineData("AKIDone", "", "1038493875", null)]
    [InlineData("AKIDone", "secret", null, null)]
    [InlineData("AKIDone", "secret", "1038493875", "")]
    public void a_malformed_credential_is_a_programmer_error(string secretId, string secretKey, string? account, string? token)
    {
        Assert.ThrowsAny<ArgumentException>(() => new ApiCredential(secretId, secretKey, account is null ? default : new AccountId(account), token));
    }
}
