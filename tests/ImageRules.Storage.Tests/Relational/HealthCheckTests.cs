using ImageRules.Relational;
using ImageRules.Storage.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ImageRules.Storage.Tests;

/// <summary>
/// The stores' health check, registered on <c>AddHealthChecks()</c> and run as <c>/healthz</c> runs it: healthy when
/// the database answers with the schema this library expects, the registration's failure status with a description
/// naming both versions when the schema is another.
/// </summary>
public class HealthCheckTests
{
    private static readonly int Expected = RelationalDatabase.SchemaVersion;

    [Fact]
    public async Task A_new_database_is_healthy_before_any_operation_and_its_schema_is_created()
    {
        var database = await TestDatabase.CreateAsync();
        await using var host = HealthHost.Over(database);

        var entry = await host.CheckAsync();

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal($"the ImageRules database is reachable and its schema is at version {Expected}", entry.Description);
        Assert.Equal(Expected, entry.Data["schema_version"]);
        Assert.Equal(Expected, entry.Data["expected_schema_version"]);
        Assert.Equal(Expected, await database.ScalarAsync("SELECT version FROM schema_version"));
    }

    [Fact]
    public async Task A_database_in_use_stays_healthy_check_after_check()
    {
        var database = await TestDatabase.CreateAsync();
        await using var host = HealthHost.Over(database);
        await host.Database.EnsureSchemaAsync();

        var entries = new[] { await host.CheckAsync(), await host.CheckAsync(), await host.CheckAsync() };

        Assert.All(entries, e => Assert.Equal(HealthStatus.Healthy, e.Status));
    }

    [Fact]
    public async Task A_schema_newer_than_the_library_is_unhealthy_naming_both_versions_and_left_untouched()
    {
        var database = await TestDatabase.CreateAsync();
        await using (var writer = ServiceInstance.Over(database))
        {
            await writer.SeedAsync();
        }

        await database.ExecuteAsync($"UPDATE schema_version SET version = {Expected + 1}");
        await using var host = HealthHost.Over(database);

        var entry = await host.CheckAsync();

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal(
            $"the ImageRules database's schema is at version {Expected + 1}, newer than version {Expected} this library reads and writes: upgrade the ImageRules storage package",
            entry.Description);
        Assert.Equal(Expected + 1, entry.Data["schema_version"]);
        Assert.IsType<InvalidOperationException>(entry.Exception);
        Assert.Equal(Expected + 1, await database.ScalarAsync("SELECT version FROM schema_version"));
    }

    [Fact]
    public async Task A_schema_upgraded_by_a_newer_instance_after_this_one_started_turns_the_check_unhealthy()
    {
        var database = await TestDatabase.CreateAsync();
        await using var host = HealthHost.Over(database);
        Assert.Equal(HealthStatus.Healthy, (await host.CheckAsync()).Status);

        await database.ExecuteAsync($"UPDATE schema_version SET version = {Expected + 1}");
        var entry = await host.CheckAsync();

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains($"at version {Expected + 1}, newer than version {Expected}", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_schema_older_than_the_one_this_instance_upgraded_to_is_unhealthy_naming_both_versions()
    {
        var database = await TestDatabase.CreateAsync();
        await using var host = HealthHost.Over(database);
        Assert.Equal(HealthStatus.Healthy, (await host.CheckAsync()).Status);

        await database.ExecuteAsync($"UPDATE schema_version SET version = {Expected - 1}");
        var entry = await host.CheckAsync();

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.StartsWith($"the ImageRules database's schema is at version {Expected - 1}, older than version {Expected} this library reads and writes", entry.Description, StringComparison.Ordinal);
        Assert.Equal(Expected - 1, entry.Data["schema_version"]);
    }

    [Fact]
    public async Task The_registration_chooses_the_failure_status_and_the_tags()
    {
        var database = await TestDatabase.CreateAsync();
        await using (var writer = ServiceInstance.Over(database))
        {
            await writer.Database.EnsureSchemaAsync();
        }

        await database.ExecuteAsync($"UPDATE schema_version SET version = {Expected + 1}");
        await using var host = HealthHost.Over(database, HealthStatus.Degraded, ["ready", "db"]);

        var entry = await host.CheckAsync();

        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Equal(["db", "ready"], entry.Tags.Order());
    }

    [Fact]
    public async Task Without_the_stores_registered_the_check_is_unhealthy_and_says_which_call_is_missing()
    {
        await using var host = HealthHost.Registered(new ServiceCollection());

        var entry = await host.CheckAsync();

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains("is registered: call Use", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_callers_cancellation_cancels_the_check()
    {
        var database = await TestDatabase.CreateAsync();
        using var instance = database.OpenInstance();
        var check = new RelationalDatabaseHealthCheck(instance);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => check.CheckHealthAsync(new HealthCheckContext(), cancelled.Token));
    }

    [Fact]
    public void A_timeout_must_be_positive_or_infinite()
    {
        var services = new ServiceCollection().AddHealthChecks();

        Assert.Throws<ArgumentOutOfRangeException>(() => TestDatabase.AddHealthCheck(services, timeout: TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => TestDatabase.AddHealthCheck(services, timeout: TimeSpan.FromSeconds(-1)));
        TestDatabase.AddHealthCheck(services, timeout: Timeout.InfiniteTimeSpan);
    }
}
