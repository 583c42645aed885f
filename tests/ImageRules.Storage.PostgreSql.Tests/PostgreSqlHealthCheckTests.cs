using ImageRules.Hosting;
using ImageRules.PostgreSql;
using ImageRules.Relational;
using ImageRules.Storage.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace ImageRules.Storage.Tests.PostgreSql;

/// <summary>
/// The PostgreSQL store's health check against a server that is not there and one that makes it wait (the shared
/// <see cref="HealthCheckTests"/> cover a reachable server).
/// </summary>
public class PostgreSqlHealthCheckTests
{
    [Fact]
    public async Task A_server_that_is_not_listening_is_unhealthy_with_the_connection_error()
    {
        var services = new ServiceCollection().AddImageRules().UsePostgreSql($"Host=127.0.0.1;Port={Ports.Unused()};Username=postgres;Database=postgres;Timeout=5").Services;
        await using var host = HealthHost.Registered(services);

        var entry = await host.CheckAsync();

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.StartsWith("the ImageRules database cannot be reached: ", entry.Description, StringComparison.Ordinal);
        Assert.IsAssignableFrom<NpgsqlException>(entry.Exception);
    }

    [Fact]
    public async Task A_reachable_server_is_healthy()
    {
        var database = await TestDatabase.CreateAsync();
        await using var host = HealthHost.Over(database);

        var entry = await host.CheckAsync();

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal(RelationalDatabase.SchemaVersion, entry.Data["schema_version"]);
    }

    [Fact]
    public async Task A_schema_upgrade_held_up_by_another_instance_is_unhealthy_once_the_timeout_passes()
    {
        var database = await TestDatabase.CreateAsync();
        await using var upgrading = new NpgsqlConnection(database.ConnectionString);
        await upgrading.OpenAsync();
        await using var transaction = await upgrading.BeginTransactionAsync();
        await using (var lockSchema = new NpgsqlCommand("SELECT pg_advisory_xact_lock(5290998741085218163)", upgrading, transaction))
        {
            // The key PostgreSqlDatabase serializes schema upgrades with ("ImgRules" in ASCII).
            await lockSchema.ExecuteNonQueryAsync();
        }

        await using var instance = new PostgreSqlDatabase(database.ConnectionString);
        var check = new RelationalDatabaseHealthCheck(instance, TimeSpan.FromSeconds(1));
        var context = new HealthCheckContext { Registration = new HealthCheckRegistration("imagerules-postgresql", check, failureStatus: null, tags: null) };

        var result = await check.CheckHealthAsync(context);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("the ImageRules database did not answer within 1 s", result.Description);

        await transaction.RollbackAsync();
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(context)).Status);
    }
}
