using ImageRules.Relational;
using ImageRules.Storage.Tests.Support;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ImageRules.Storage.Tests.PostgreSql;

/// <summary>
/// Issue 13: the stores' health check, run as <c>/healthz</c> runs it (<see cref="HealthHost"/>), reports a stopped
/// <see cref="PrivateServer"/> unhealthy at the next check, and healthy again at the first check after it is back.
/// </summary>
public class ServerStopHealthTests
{
    [PrivateServerFact]
    public async Task The_check_is_unhealthy_while_the_server_is_stopped_and_healthy_once_it_is_back()
    {
        await using var server = await PrivateServer.StartAsync();
        await using var host = HealthHost.Over(TestDatabase.At(server.ConnectionString), timeout: TimeSpan.FromSeconds(3));
        Assert.Equal(HealthStatus.Healthy, (await host.CheckAsync()).Status);

        await server.StopAsync();
        var stopped = await host.CheckAsync();
        await server.StartAgainAsync();
        var back = await host.CheckAsync();

        Assert.Equal(HealthStatus.Unhealthy, stopped.Status);
        Assert.StartsWith("the ImageRules database cannot be reached: ", stopped.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, back.Status);
        Assert.Equal(RelationalDatabase.SchemaVersion, back.Data["schema_version"]);
    }
}
