using ImageRules.Application;
using ImageRules.Persistence;
using ImageRules.Policy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ImageRules.Hosting;

/// <summary>Registers ImageRules in a host's service container.</summary>
public static class ImageRulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers the policy, the <see cref="ImageService"/>, in-memory stores, a random id generator and
    /// <see cref="TimeProvider.System"/>, each only if the host has not registered its own (so a database repository
    /// registered before this call wins). Calling it again is harmless; a later <paramref name="configure"/> starts
    /// from the options an earlier call set. Unless the host registers its own <see cref="IShareGrantRepository"/>,
    /// grants are read from the registered <see cref="IImageRepository"/>, which then must implement both.
    /// </summary>
    /// <param name="services">The container.</param>
    /// <param name="configure">
    /// Maps the current options to the ones to use, for example <c>o =&gt; o with { MaxCustomImagesPerRegion = 20 }</c>
    /// or <c>_ =&gt; ImageRulesOptions.Provider2025</c>. The seed profile when never given.
    /// </param>
    /// <returns>The same container, so that additional calls can be chained.</returns>
    /// <exception cref="ArgumentException">The configured options are invalid (a limit below 1).</exception>
    public static IServiceCollection AddImageRules(this IServiceCollection services, Func<ImageRulesOptions, ImageRulesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var current = services.LastOrDefault(d => d.ServiceType == typeof(ImageRulesOptions))?.ImplementationInstance as ImageRulesOptions
            ?? ImageRulesOptions.Seed;
        var options = (configure?.Invoke(current) ?? current).EnsureValid();
        services.Replace(ServiceDescriptor.Singleton(options));

        services.TryAddSingleton(sp => new ImagePolicy(sp.GetRequiredService<ImageRulesOptions>()));
        services.TryAddSingleton<InMemoryImageStore>();
        services.TryAddSingleton<IImageRepository>(sp => sp.GetRequiredService<InMemoryImageStore>());
        services.TryAddSingleton<IShareGrantRepository>(ReadGrantsFromTheImageStore);
        services.TryAddSingleton<IAccountRepository, InMemoryAccountRepository>();
        services.TryAddSingleton<IRegionRepository, InMemoryRegionRepository>();
        services.TryAddSingleton<IImageIdGenerator, RandomImageIdGenerator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new ImageService(
            sp.GetRequiredService<ImagePolicy>(),
            sp.GetRequiredService<IImageRepository>(),
            sp.GetRequiredService<IShareGrantRepository>(),
            sp.GetRequiredService<IAccountRepository>(),
            sp.GetRequiredService<IRegionRepository>(),
            sp.GetRequiredService<IImageIdGenerator>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetServices<IImageEventObserver>()));
        return services;
    }

    /// <summary>
    /// Grants are committed with their image's catalogue, so they must be read from the same store: the registered
    /// <see cref="IImageRepository"/>, whether the in-memory default or the host's own.
    /// </summary>
    private static IShareGrantRepository ReadGrantsFromTheImageStore(IServiceProvider services)
    {
        var images = services.GetRequiredService<IImageRepository>();
        return images as IShareGrantRepository ?? throw new InvalidOperationException(
            $"image store `{images.GetType().Name}` does not implement {nameof(IShareGrantRepository)}: grants are committed with their image, so register one store for both interfaces");
    }
}
