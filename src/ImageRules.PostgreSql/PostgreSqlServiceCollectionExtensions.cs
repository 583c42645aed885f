using ImageRules.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ImageRules.Hosting;

/// <summary>Registers ImageRules' PostgreSQL stores in a host's service container.</summary>
public static class PostgreSqlServiceCollectionExtensions
{
    /// <summary>
    /// Stores images, grants, accounts and regions in the PostgreSQL database at <paramref name="connectionString"/>,
    /// created or upgraded on first use. These stores replace any registered before and win over
    /// <c>AddImageRules</c>' in-memory defaults whichever is called first.
    /// </summary>
    /// <param name="services">The container.</param>
    /// <param name="connectionString">An Npgsql connection string, such as <c>Host=db;Database=images;Username=app;Password=…</c>.</param>
    /// <returns>The same container, so that additional calls can be chained.</returns>
    /// <exception cref="ArgumentException">The connection string is empty or malformed.</exception>
    public static IServiceCollection UsePostgreSql(this IServiceCollection services, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _ = new NpgsqlConnectionStringBuilder(connectionString); // a malformed string fails here, not at first use
        return services.UseRelationalDatabase(_ => new PostgreSqlDatabase(connectionString));
    }
}
