using System.Collections.Concurrent;
using System.Data.Common;
using ImageRules.Hosting;
using ImageRules.Relational;
using ImageRules.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SQLitePCL;

namespace ImageRules.Storage.Tests.Support;

/// <summary>
/// A fresh, empty SQLite database file of this test run, for the tests shared with the PostgreSQL project (which has
/// its own <c>TestDatabase</c>). Files live in one folder per test process, removed when it exits.
/// </summary>
public sealed class TestDatabase
{
    private static readonly string Folder = CreateFolder();
    private int instances;

    private TestDatabase(string path)
    {
        Path = path;
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
    }

    /// <summary>The engine, for messages.</summary>
    public static string Engine => "SQLite";

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>How a host reaches it.</summary>
    public string ConnectionString { get; }

    /// <summary>A new database file.</summary>
    public static ValueTask<TestDatabase> CreateAsync() =>
        ValueTask.FromResult(new TestDatabase(System.IO.Path.Combine(Folder, $"{Guid.NewGuid():N}.db")));

    /// <summary>
    /// A new handle on the database with its own connection pool, as another service instance would have (pools are
    /// per connection string, so each handle's differs in its timeout); <paramref name="time"/> times its schema re-checks.
    /// </summary>
    public RelationalDatabase OpenInstance(TimeProvider? time = null) =>
        new SqliteDatabase(new SqliteConnectionStringBuilder(ConnectionString) { DefaultTimeout = 30 + Interlocked.Increment(ref instances) }.ToString()) { Time = time ?? TimeProvider.System };

    /// <summary>Chooses the store over this database as a host would.</summary>
    public IImageRulesBuilder Register(IImageRulesBuilder builder) => builder.UseSqlite(ConnectionString);

    /// <summary>The name the stores' health check reports under by default.</summary>
    public static string HealthCheckName => "imagerules-sqlite";

    /// <summary>Registers the stores' health check as a host would.</summary>
    public static IHealthChecksBuilder AddHealthCheck(IHealthChecksBuilder checks, HealthStatus? failureStatus = null, IEnumerable<string>? tags = null, TimeSpan? timeout = null) =>
        checks.AddImageRulesSqlite(failureStatus: failureStatus, tags: tags, timeout: timeout);

    /// <summary>
    /// Adds to <paramref name="statements"/> the text of every statement the stores run over <paramref name="database"/>
    /// from now on, as SQLite's trace callback gives it (parameters expanded), until the answer is disposed.
    /// </summary>
    public static IDisposable TraceStatements(RelationalDatabase database, ConcurrentQueue<string> statements)
    {
        var tracing = new CancellationTokenSource();
        database.Opened = connection => raw.sqlite3_trace(
            ((SqliteConnection)connection).Handle,
            (_, sql) =>
            {
                if (!tracing.IsCancellationRequested)
                {
                    statements.Enqueue(sql.utf8_to_string());
                }
            },
            null);
        return tracing;
    }

    /// <summary>An open connection of its own, bypassing the stores.</summary>
    public async ValueTask<DbConnection> ConnectAsync()
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Runs a query of one number, bypassing the stores.</summary>
    public async ValueTask<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a statement, bypassing the stores.</summary>
    public async ValueTask ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static string CreateFolder()
    {
        const string Prefix = "imagerules-sqlite-tests-";
        var temp = System.IO.Path.GetTempPath();
        foreach (var stale in Directory.EnumerateDirectories(temp, Prefix + "*"))
        {
            // The test host may be stopped before its exit handler finishes: sweep folders of processes gone.
            if (int.TryParse(System.IO.Path.GetFileName(stale)[Prefix.Length..], out var pid) && !IsRunning(pid))
            {
                TryDelete(stale);
            }
        }

        var folder = System.IO.Path.Combine(temp, Prefix + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(folder);
        return folder;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: files still open (on Windows) are swept by a later run.
        }
    }
}
