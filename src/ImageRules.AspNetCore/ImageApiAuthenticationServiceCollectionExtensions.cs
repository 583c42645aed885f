using Ardalis.GuardClauses;
using ImageRules.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ImageRules.Hosting;

/// <summary>Registers the image API's request authentication in a host's service container.</summary>
public static class ImageApiAuthenticationServiceCollectionExtensions
{
    /// <summary>
    /// Registers signature v3 (TC3-HMAC-SHA256) authentication for the image API, its options (validated on start),
    /// <see cref="TimeProvider.System"/> and an empty <see cref="InMemoryApiCredentials"/>, each only if the host has
    /// not registered its own. Register the keys to accept as an <see cref="IApiCredentials"/>, such as
    /// <c>services.AddSingleton&lt;IApiCredentials&gt;(new InMemoryApiCredentials([...]))</c>; the host's registration
    /// wins whether made before or after this call. Calling it again is harmless.
    /// </summary>
    /// <param name="services">The container.</param>
    /// <param name="configure">Sets the options, for example <c>o =&gt; o.AllowedClockSkew = TimeSpan.FromMinutes(1)</c>.</param>
    /// <returns>The same container, so that additional calls can be chained.</returns>
    public static IServiceCollection AddImageApiAuthentication(this IServiceCollection services, Action<ImageApiAuthenticationOptions>? configure = null)
    {
        Guard.Against.Null(services);
        var options = services.AddOptions<ImageApiAuthenticationOptions>()
            .Validate(o => o.AllowedClockSkew >= TimeSpan.FromSeconds(1), "the allowed clock skew must be at least one second")
            .ValidateOnStart();
        if (configure is not null) options.Configure(configure);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IApiCredentials>(new InMemoryApiCredentials([]));
        services.TryAddSingleton<Tc3Authenticator>();
        return services;
    }
}
