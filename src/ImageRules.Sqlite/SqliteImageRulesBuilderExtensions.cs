using Ardalis.GuardClauses;
using ImageRules.Sqlite;
using Microsoft.Data.Sqlite;

namespace ImageRules.Hosting;

/// <summary>Chooses SQLite as ImageRules' store in a host's service container.</summary>
public static class SqliteImageRulesBuilderExtensions
{
    /// <summary>
    /// Stores regions, accounts, images and grants in the SQLite database at <paramref name="connectionString"/>
    /// (such as <c>Data Source=images.db</c>), created or upgraded on first use, behind the one
    /// <see cref="Storage.IImageStore"/>. It replaces the in-memory default and any store chosen before, and a later
    /// <c>AddImageRules</c> leaves it in place. Disposing the container releases the file's pooled connections.
    /// </summary>
    /// <param name="builder">The builder <c>AddImageRules</c> returned.</param>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string naming a file.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentException">The connection string is empty or malformed.</exception>
    public static IImageRulesBuilder UseSqlite(this IImageRulesBuilder builder, string connectionString)
    {
        Guard.Against.Null(builder);
        Guard.Against.NullOrWhiteSpace(connectionString);
        _ = new SqliteConnectionStringBuilder(connectionString); // a malformed string fails here, not at first use
        return builder.UseRelationalDatabase(_ => new SqliteDatabase(connectionString));
    }
}
