using ImageRules.Persistence;
using ImageRules.Relational;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ImageRules.Hosting;

/// <summary>Registers ImageRules' stores over a SQL database; used by <c>UseSqlite</c> and <c>UsePostgreSql</c>.</summary>
public static class RelationalServiceCollectionExtensions
{
    /// <summary>
    /// Makes every ImageRules repository (images and grants, accounts, regions) a store over the database
    /// <paramref name="database"/> makes, replacing any registered before, so it wins over the in-memory defaults
    /// whether <c>AddImageRules</c> is called before or after. The container owns and disposes the database.
    /// </summary>
    /// <param name="services">The container.</param>
    /// <param name="database">Makes the database, once, when first needed.</param>
    /// <returns>The same container, so that additional calls can be chained.</returns>
    public static IServiceCollection UseRelationalDatabase(this IServiceCollection services, Func<IServiceProvider, RelationalDatabase> database)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(database);
        Register(services, database);
        Register(services, sp => new RelationalImageStore(sp.GetRequiredService<RelationalDatabase>()));
        Register<IImageRepository>(services, sp => sp.GetRequiredService<RelationalImageStore>());
        Register<IShareGrantRepository>(services, sp => sp.GetRequiredService<RelationalImageStore>());
        Register<IAccountRepository>(services, sp => new RelationalAccountRepository(sp.GetRequiredService<RelationalDatabase>()));
        Register<IRegionRepository>(services, sp => new RelationalRegionRepository(sp.GetRequiredService<RelationalDatabase>()));
        return services;
    }

    /// <summary>Removes every registration of <typeparamref name="TService"/> and adds this one.</summary>
    private static void Register<TService>(IServiceCollection services, Func<IServiceProvider, TService> make)
        where TService : class
    {
        services.RemoveAll<TService>();
        services.AddSingleton(make);
    }
}
