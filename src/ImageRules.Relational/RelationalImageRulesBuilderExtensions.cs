using ImageRules.Relational;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ImageRules.Hosting;

/// <summary>Chooses a SQL database as ImageRules' store; used by <c>UseSqlite</c> and <c>UsePostgreSql</c>.</summary>
public static class RelationalImageRulesBuilderExtensions
{
    /// <summary>
    /// Makes the one <see cref="Storage.IImageStore"/> (regions, accounts, images and grants) a
    /// <see cref="RelationalImageStore"/> over the database <paramref name="database"/> makes, as
    /// <see cref="ImageRulesServiceCollectionExtensions.UseStore{TStore}"/> does: it replaces the in-memory default and
    /// any store chosen before, and a later <c>AddImageRules</c> leaves it in place. The container owns the store,
    /// which owns the database: disposing the container releases its connections.
    /// </summary>
    /// <param name="builder">The builder <c>AddImageRules</c> returned.</param>
    /// <param name="database">Makes the database, once, when the store is first needed.</param>
    /// <returns>The same builder.</returns>
    public static IImageRulesBuilder UseRelationalDatabase(this IImageRulesBuilder builder, Func<IServiceProvider, RelationalDatabase> database)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(database);
        // The database is a service of its own too, so health checks reach the one the store uses.
        builder.Services.RemoveAll<RelationalDatabase>();
        builder.Services.AddSingleton(database);
        builder.Services.RemoveAll<RelationalImageStore>();
        builder.Services.AddSingleton(sp => new RelationalImageStore(sp.GetRequiredService<RelationalDatabase>()));
        return builder.UseStore<RelationalImageStore>();
    }
}
