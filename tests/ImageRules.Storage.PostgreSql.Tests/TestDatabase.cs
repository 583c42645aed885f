using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using ImageRules.Hosting;
using ImageRules.PostgreSql;
using ImageRules.Relational;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace ImageRules.Storage.Tests.Support;

/// <summary>
/// A fresh, empty schema in this test run's own PostgreSQL database, for the tests shared with the SQLite project
/// (which has its own <c>TestDatabase</c>). The server is the one <see cref="Variable"/> names; the run's database is
/// created on first use and dropped when the test process exits, so runs never see each other's data.
/// </summary>
public sealed class TestDatabase
{
    /// <summary>The environment variable holding the server's connection string.</summary>
    public const string Variable = "IMAGERULES_POSTGRES";

    private static readonly Lazy<Task<string>> RunDatabase = new(CreateRunDatabaseAsync);

    private TestDatabase(string connectionString) => ConnectionString = connectionString;

    /// <summary>The engine, for messages.</summary>
    public static string Engine => "PostgreSQL";

    /// <summary>The server's connection string, or null when the PostgreSQL tests cannot run.</summary>
    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Why the tests are skipped without a server.</summary>
    public static string SkipReason =>
        $"PostgreSQL tests need a server: set {Variable} to a connection string (Host=…;Username=…), or run .ci/run, which starts a throwaway server with .ci/postgres.sh";

    /// <summary>How a host reaches it: the run's database, with this schema as the search path.</summary>
    public string ConnectionString { get; }

    /// <summary>A new schema in the run's database.</summary>
    public static async ValueTask<TestDatabase> CreateAsync()
    {
        var database = await RunDatabase.Value;
        var schema = $"s{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await command.ExecuteNonQueryAsync();
        }

        // Each store opens its own small pool; idle connections close within seconds so hundreds of tests stay well
        // under the server's connection limit.
        var builder = new NpgsqlConnectionStringBuilder(database)
        {
            SearchPath = schema,
            MaxPoolSize = 20,
            ConnectionIdleLifetime = 2,
            ConnectionPruningInterval = 1,
        };
        return new TestDatabase(builder.ToString());
    }

    /// <summary>The database at <paramref name="connectionString"/>, such as a <see cref="PrivateServer"/>'s, as it is.</summary>
    public static TestDatabase At(string connectionString) => new(connectionString);

    /// <summary>A new handle on the database with its own connection pool, as another service instance would have; <paramref name="time"/> times its schema re-checks.</summary>
    public RelationalDatabase OpenInstance(TimeProvider? time = null) => new PostgreSqlDatabase(ConnectionString) { Time = time ?? TimeProvider.System };

    /// <summary>Chooses the store over this database as a host would.</summary>
    public IImageRulesBuilder Register(IImageRulesBuilder builder) => builder.UsePostgreSql(ConnectionString);

    /// <summary>The name the stores' health check reports under by default.</summary>
    public static string HealthCheckName => "imagerules-postgresql";

    /// <summary>Registers the stores' health check as a host would.</summary>
    public static IHealthChecksBuilder AddHealthCheck(IHealthChecksBuilder checks, HealthStatus? failureStatus = null, IEnumerable<string>? tags = null, TimeSpan? timeout = null) =>
        checks.AddImageRulesPostgreSql(failureStatus: failureStatus, tags: tags, timeout: timeout);

    /// <summary>
    /// Adds to <paramref name="statements"/> the text of every command Npgsql runs in this process from now on (one
    /// round trip each, from its spans; connection opens left out), until the answer is disposed. The tests that
    /// call it run alone, so every command is the stores'; <paramref name="database"/> is not needed to tell them.
    /// </summary>
    public static IDisposable TraceStatements(RelationalDatabase database, ConcurrentQueue<string> statements)
    {
        _ = database;
        var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if ((a.GetTagItem("db.query.text") ?? a.GetTagItem("db.statement")) is string sql)
                {
                    statements.Enqueue(sql);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    /// <summary>An open connection of its own, bypassing the stores.</summary>
    public async ValueTask<DbConnection> ConnectAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Runs a query of one number, bypassing the stores.</summary>
    public async ValueTask<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a statement, bypassing the stores.</summary>
    public async ValueTask ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> CreateRunDatabaseAsync()
    {
        var server = Server ?? throw new InvalidOperationException(SkipReason);
        var name = $"imagerules_test_{DateTime.UtcNow:yyyyMMddHHmmss}_{Guid.NewGuid().ToString("N")[..8]}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => DropRunDatabase(server, name);
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
    }

    private static void DropRunDatabase(string server, string name)
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            using var connection = new NpgsqlConnection(server);
            connection.Open();
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            command.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // Best effort: a leftover test database on a throwaway server harms nothing.
        }
    }
}
