using ImageRules.AspNetCore.Authentication;
using ImageRules.Domain;

namespace ImageRules.AspNetCore.Tests.Authentication;

public class InMemoryApiCredentialsTests
{
    private static readonly ApiCredential One = new("AKIDone", "secret-one", new AccountId("1000000001"));
    private static readonly ApiCredential Two = new("AKIDtwo", "secret-two", new AccountId("1000000002"), "token");

    [Fact]
    public void a_key_is_found_by_its_secret_id()
    {
        var credentials = new InMemoryApiCredentials([One, Two]);

        Assert.Same(One, credentials.Find("AKIDone"));
        Assert.Same(Two, credentials.Find("AKIDtwo"));
    }

    [Theory]
    [InlineData("AKIDthree")]
    [InlineData("akidone")] // ordinal: ids differ by case
    [InlineData("")]
    public void an_unknown_secret_id_finds_nothing(string secretId)
    {
        Assert.Null(new InMemoryApiCredentials([One, Two]).Find(secretId));
    }

    [Fact]
    public void no_keys_accept_nothing()
    {
        Assert.Null(new InMemoryApiCredentials([]).Find("AKIDone"));
    }

    [Fact]
    public void two_keys_with_one_secret_id_are_a_programmer_error()
    {
        var thrown = Assert.Throws<ArgumentException>(() => new InMemoryApiCredentials([One, One with { }]));

        Assert.Contains("`AKIDone` is given twice", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_missing_key_is_a_programmer_error()
    {
        Assert.ThrowsAny<ArgumentException>(() => new InMemoryApiCredentials([One, null!]));
        Assert.ThrowsAny<ArgumentException>(() => new InMemoryApiCredentials(null!));
    }

    [Fact]
    public void the_store_is_a_snapshot_of_the_keys_given()
    {
        var keys = new List<ApiCredential> { One };
        var credentials = new InMemoryApiCredentials(keys);

        keys.Add(Two);

        Assert.Null(credentials.Find("AKIDtwo"));
    }
}
