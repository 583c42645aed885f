using System.Data.Common;
using ImageRules.Hosting;
using ImageRules.Relational;
using ImageRules.Storage.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ImageRules.Storage.Tests.Sqlite;

/// <summary>The SQLite store's health check when the file cannot be opened or the database does not answer in time.</summary>
public class SqliteHealthCheckTests
{
    [Fact]
    public async Task A_database_file_in_a_folder_that_does_not_exist_is_unhealthy_with_the_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"imagerules-missing-{Guid.NewGuid():N}", "images.db");
        var services = new ServiceCollection().AddImageRules().UseSqlite($"Data Source={path}").Services;
        await using var host = HealthHost.Registered(services);

        var entry = await host.CheckAsync();

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.StartsWith("the ImageRules database cannot be reached: ", entry.Description, StringComparison.Ordinal);
        Assert.IsType<SqliteException>(entry.Exception);
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
    }

    [Fact]
    public async Task A_database_that_does_not_answer_within_the_timeout_is_unhealthy_saying_so()
    {
        await using var database = new SilentDatabase();
        var check = new RelationalDatabaseHealthCheck(database, TimeSpan.FromMilliseconds(200));
        var context = new HealthCheckContext { Registration = new HealthCheckRegistration("imagerules-sqlite", check, HealthStatus.Degraded, tags: null) };

        var result = await check.CheckHealthAsync(context);

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Equal("the ImageRules database did not answer within 0.2 s", result.Description);
        Assert.True(database.WasCancelled);
    }

    [Fact]
    public async Task The_callers_cancellation_of_a_waiting_check_is_not_reported_as_a_timeout()
    {
        await using var database = new SilentDatabase();
        var check = new RelationalDatabaseHealthCheck(database, Timeout.InfiniteTimeSpan);
        using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => check.CheckHealthAsync(new HealthCheckContext(), caller.Token));
        Assert.True(database.WasCancelled);
    }

    /// <summary>A database whose connections open but never finish their session set-up, until cancelled.</summary>
    private sealed class SilentDatabase : RelationalDatabase
    {
        public bool WasCancelled { get; private set; }

        protected override DbConnection CreateConnection() => new SqliteConnection("Data Source=:memory:");

        protected override async ValueTask ConfigureConnectionAsync(DbConnection connection, CancellationToken cancellationToken)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                WasCancelled = true;
                throw;
            }
        }

        protected override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        protected override bool IsConflict(DbException exception) => false;
    }
}
