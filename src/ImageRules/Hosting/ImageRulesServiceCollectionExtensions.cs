using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using Ardalis.GuardClauses;
using ImageRules.Application;
using ImageRules.Policy;
using ImageRules.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ImageRules.Hosting;

/// <summary>Registers ImageRules in a host's service container.</summary>
public static class ImageRulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers the policy, the <see cref="ImageService"/>, the in-memory store, a random id generator, the flat price list and
    /// <see cref="TimeProvider.System"/>, each only if the host has not registered its own (<c>TryAdd</c>, so a store,
    /// clock or id generator registered before this call wins). Options come through
    /// <see cref="IOptions{TOptions}"/>: bound from the configuration section <c>ImageRules</c> when the host has a
    /// configuration, then <paramref name="configure"/>, validated on start with every problem listed. Calling it again
    /// is harmless. A hosted service relays saved events that observers (<see cref="IImageEventObserver"/>) have not
    /// all taken, every <see cref="ImageRulesOptions.EventRedeliveryInterval"/>.
    /// </summary>
    /// <param name="services">The container.</param>
    /// <param name="configure">Sets options in code, for example <c>o =&gt; o.Profile = ImageRulesProfile.Provider2025</c>.</param>
    /// <returns>A builder to choose the store (<see cref="UseStore{TStore}"/>, <c>UseSqlite</c>, <c>UsePostgreSql</c>).</returns>
    public static IImageRulesBuilder AddImageRules(this IServiceCollection services, Action<ImageRulesOptions>? configure = null)
    {
        Guard.Against.Null(services);
        var options = services.AddOptions<ImageRulesOptions>().ValidateOnStart();

        // The configuration binding is registered before any configure delegate, so code always applies after it.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<ImageRulesOptions>, ImageRulesOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ImageRulesOptions>, ImageRulesOptionsSetup>());
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(FlatPriceList.Default as IPriceList);
        services.TryAddSingleton(sp => new ImagePolicy(sp.GetRequiredService<IOptions<ImageRulesOptions>>().Value, sp.GetRequiredService<IPriceList>()));
        services.TryAddSingleton<IImageStore, InMemoryImageStore>();
        services.TryAddSingleton<IImageIdGenerator, RandomImageIdGenerator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new ImageService(
            sp.GetRequiredService<ImagePolicy>(),
            sp.GetRequiredService<IImageStore>(),
            sp.GetRequiredService<IImageIdGenerator>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetServices<IImageEventObserver>(),
            sp.GetService<ILogger<ImageService>>(),
            sp.GetService<IMeterFactory>()));

        // Delivers again the saved events observers have not all taken; idle when nobody observes.
        services.AddHostedService<ImageEventRelay>();
        return new ImageRulesBuilder(services);
    }

    /// <summary>
    /// Stores regions, accounts, images and grants in <typeparamref name="TStore"/>, one singleton behind
    /// <see cref="IImageStore"/>, replacing the in-memory default. Its contract is on <see cref="IImageStore"/>.
    /// </summary>
    /// <typeparam name="TStore">The store.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The same builder.</returns>
    public static IImageRulesBuilder UseStore<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TStore>(this IImageRulesBuilder builder)
        where TStore : class, IImageStore
    {
        Guard.Against.Null(builder);
        builder.Services.TryAddSingleton<TStore>();
        builder.Services.Replace(ServiceDescriptor.Singleton<IImageStore>(sp => sp.GetRequiredService<TStore>()));
        return builder;
    }
}
