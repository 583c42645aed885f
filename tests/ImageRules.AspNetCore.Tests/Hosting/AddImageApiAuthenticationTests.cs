using ImageRules.AspNetCore.Authentication;
using ImageRules.AspNetCore.Tests.Support;
using ImageRules.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ImageRules.AspNetCore.Tests.Hosting;

public class AddImageApiAuthenticationTests
{
    [Fact]
    public void the_default_registration_resolves_one_authenticator_that_knows_no_key()
    {
        using var provider = new ServiceCollection().AddImageApiAuthentication().BuildServiceProvider();

        var authenticator = provider.GetRequiredService<Tc3Authenticator>();

        Assert.Same(authenticator, provider.GetRequiredService<Tc3Authenticator>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.Equal(TimeSpan.FromSeconds(300), provider.GetRequiredService<IOptions<ImageApiAuthenticationOptions>>().Value.AllowedClockSkew);
        Assert.Null(provider.GetRequiredService<IApiCredentials>().Find(TestRequest.SecretId));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void the_hosts_keys_and_clock_win_whether_registered_before_or_after(bool before)
    {
        var services = new ServiceCollection();
        if (!before) services.AddImageApiAuthentication();
        services.AddSingleton<IApiCredentials>(new InMemoryApiCredentials([Authenticators.Permanent]));
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(TestRequest.Now)));
        if (before) services.AddImageApiAuthentication();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<Tc3Authenticator>().Authenticate(new TestRequest()).AssertAuthenticated();
    }

    [Fact]
    public void the_allowed_clock_skew_is_configurable()
    {
        using var provider = new ServiceCollection()
            .AddSingleton<IApiCredentials>(new InMemoryApiCredentials([Authenticators.Permanent]))
            .AddSingleton<TimeProvider>(new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(TestRequest.Now)))
            .AddImageApiAuthentication(o => o.AllowedClockSkew = TimeSpan.FromSeconds(30))
            .BuildServiceProvider();

        provider.GetRequiredService<Tc3Authenticator>().Authenticate(new TestRequest { Timestamp = TestRequest.Now - 31 }).AssertRefused("AuthFailure.SignatureExpire");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void a_clock_skew_under_one_second_fails_validation(int seconds)
    {
        using var provider = new ServiceCollection().AddImageApiAuthentication(o => o.AllowedClockSkew = TimeSpan.FromSeconds(seconds)).BuildServiceProvider();

        var thrown = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<Tc3Authenticator>());
        Assert.Contains("at least one second", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void calling_it_twice_registers_each_service_once()
    {
        var services = new ServiceCollection().AddImageApiAuthentication().AddImageApiAuthentication();

        Assert.Single(services, d => d.ServiceType == typeof(Tc3Authenticator));
        Assert.Single(services, d => d.ServiceType == typeof(IApiCredentials));
        Assert.Single(services, d => d.ServiceType == typeof(TimeProvider));
    }
}
