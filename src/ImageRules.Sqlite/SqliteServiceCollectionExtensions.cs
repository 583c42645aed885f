using ImageRules.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ImageRules.Hosting;

/// <summary>Registers ImageRules' SQLite stores in a host's service container.</summary>
public static class SqliteServiceCollectionExtensions
{
    /// <summary>
    /// Stores images, grants, accounts and regions in the SQLite database at <paramref name="connectionString"/>
    /// (such as <c>Data Source=images.db</c>), created or upgraded on first use. These stores replace any registered
    /// before and win over <c>AddImageRules</c>' in-memory defaults whichever is called first.
    /// </summary>
    /// <param name="services">The container.</param>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string naming a file.</param>
    /// <returns>The same container, so that additional calls can be chained.</returns>
    /// <exception cref="ArgumentException">The connection string is empty or malformed.</exception>
    public static IServiceCollection UseSqlite(this IServiceCollection services, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _ = new SqliteConnectionStringBuilder(connectionString); // a malformed string fails here, not at first use
        return services.UseRelationalDatabase(_ => new SqliteDatabase(connectionString));
    }
}
