using ImageRules.PostgreSql;
using ImageRules.Relational;
using ImageRules.Sqlite;
using Npgsql;

namespace ImageRules.Benchmarks;

/// <summary>
/// A fresh, empty database for a durable-store benchmark: an SQLite file in a temporary folder, or a new schema on
/// the PostgreSQL server <see cref="StorageBenchmarks.PostgresVariable"/> names. <see cref="RemoveAsync"/> removes it
/// after the store over it is disposed.
/// </summary>
internal sealed class DurableStore
{
    private readonly DirectoryInfo? sqliteFolder;
    private readonly string? postgresSchema;

    private DurableStore(RelationalDatabase database, DirectoryInfo? sqliteFolder, string? postgresSchema)
    {
        Database = database;
        this.sqliteFolder = sqliteFolder;
        this.postgresSchema = postgresSchema;
    }

    /// <summary>The PostgreSQL server's connection string, or null when <see cref="StorageBenchmarks.PostgresVariable"/> is unset.</summary>
    public static string? PostgresServer =>
        Environment.GetEnvironmentVariable(StorageBenchmarks.PostgresVariable) is { Length: > 0 } value ? value : null;

    /// <summary>The database; a <see cref="RelationalImageStore"/> made over it owns and disposes it.</summary>
    public RelationalDatabase Database { get; }

    /// <summary>A new, empty database of <paramref name="engine"/>.</summary>
    public static async Task<DurableStore> OpenAsync(StorageEngine engine)
    {
        if (engine == StorageEngine.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("imagerules-bench-");
            return new DurableStore(new SqliteDatabase($"Data Source={Path.Combine(folder.FullName, "bench.db")}"), folder, null);
        }

        var server = PostgresServer ?? throw new InvalidOperationException($"set {StorageBenchmarks.PostgresVariable} to benchmark PostgreSQL");
        var schema = $"bench_{Guid.NewGuid():N}";
        await RunOnPostgresAsync($"CREATE SCHEMA {schema}");
        return new DurableStore(new PostgreSqlDatabase(new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ToString()), null, schema);
    }

    /// <summary>Deletes the SQLite folder or drops the PostgreSQL schema; call after disposing the store.</summary>
    public async Task RemoveAsync()
    {
        sqliteFolder?.Delete(recursive: true);
        if (postgresSchema is not null)
        {
            await RunOnPostgresAsync($"DROP SCHEMA {postgresSchema} CASCADE");
        }
    }

    private static async Task RunOnPostgresAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresServer);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
