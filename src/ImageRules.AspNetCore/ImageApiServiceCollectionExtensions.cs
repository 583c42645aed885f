using Ardalis.GuardClauses;
using ImageRules.Application;
using ImageRules.AspNetCore;
using ImageRules.AspNetCore.Lifecycle;
using ImageRules.Domain;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ImageRules.Hosting;

/// <summary>Registers the provider's image API (API 3.0, <c>cvm</c> 2017-03-12) over the library.</summary>
public static class ImageApiServiceCollectionExtensions
{
    /// <summary>
    /// Registers what <c>MapImageApi</c> answers with: TC3-HMAC-SHA256 authentication over the registered
    /// <see cref="AspNetCore.Authentication.IApiCredentials"/> (none until the host adds keys), the platform's
    /// lifecycle (created, copied and imported images complete after <see cref="ImageApiOptions.ReadyAfter"/>), and the
    /// world's regions for <c>DescribeRegions</c> (<see cref="ProviderCatalogue.Default"/> unless the host registers its
    /// own). Options are bound from the configuration section <see cref="ImageApiOptions.SectionName"/> when the host has
    /// one, then <paramref name="configure"/>. Calling it again is harmless.
    /// </summary>
    /// <param name="builder">The builder from <c>AddImageRules</c>.</param>
    /// <param name="configure">Sets options in code.</param>
    /// <returns>The same builder.</returns>
    public static IImageRulesBuilder AddImageApi(this IImageRulesBuilder builder, Action<ImageApiOptions>? configure = null)
    {
        Guard.Against.Null(builder);
        var services = builder.Services;
        var options = services.AddOptions<ImageApiOptions>()
            .Configure<IServiceProvider>((o, sp) => sp.GetService<IConfiguration>()?.GetSection(ImageApiOptions.SectionName).Bind(o))
            .Validate(o => o.ReadyAfter >= TimeSpan.Zero && o.InstancePricePerHour >= 0, "ReadyAfter and InstancePricePerHour must not be negative")
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddImageApiAuthentication();
        services.TryAddSingleton(ProviderCatalogue.Default);
        if (!services.Any(d => d.ServiceType == typeof(ImageLifecycle)))
        {
            services.AddSingleton<ImageLifecycle>();
            services.AddSingleton<IImageEventObserver>(sp => sp.GetRequiredService<ImageLifecycle>());
        }

        services.TryAddSingleton<ImageApiActions>();
        services.TryAddSingleton<ImageApiEndpoint>();
        return builder;
    }
}
