using Ardalis.GuardClauses;
using ImageRules.PostgreSql;
using Npgsql;

namespace ImageRules.Hosting;

/// <summary>Chooses PostgreSQL as ImageRules' store in a host's service container.</summary>
public static class PostgreSqlImageRulesBuilderExtensions
{
    /// <summary>
    /// Stores regions, accounts, images and grants in the PostgreSQL database at <paramref name="connectionString"/>,
    /// created or upgraded on first use, behind the one <see cref="Storage.IImageStore"/>. It replaces the in-memory
    /// default and any store chosen before, and a later <c>AddImageRules</c> leaves it in place. Disposing the
    /// container closes the store's connection pool.
    /// </summary>
    /// <param name="builder">The builder <c>AddImageRules</c> returned.</param>
    /// <param name="connectionString">An Npgsql connection string, such as <c>Host=db;Database=images;Username=app;Password=…</c>.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentException">The connection string is empty or malformed.</exception>
    public static IImageRulesBuilder UsePostgreSql(this IImageRulesBuilder builder, string connectionString)
    {
        Guard.Against.Null(builder);
        Guard.Against.NullOrWhiteSpace(connectionString);
        _ = new NpgsqlConnectionStringBuilder(connectionString); // a malformed string fails here, not at first use
        return builder.UseRelationalDatabase(_ => new PostgreSqlDatabase(connectionString));
    }
}
