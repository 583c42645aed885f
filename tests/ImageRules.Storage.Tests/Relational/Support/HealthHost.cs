using ImageRules.Hosting;
using ImageRules.Relational;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ImageRules.Storage.Tests.Support;

/// <summary>
/// A host with the stores over one database and their health check registered on <c>AddHealthChecks()</c>, checked
/// through <see cref="HealthCheckService"/> as <c>/healthz</c> would.
/// </summary>
public sealed class HealthHost : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    private HealthHost(ServiceProvider provider) => this.provider = provider;

    /// <summary>The database the stores (and so the check) use.</summary>
    public RelationalDatabase Database => provider.GetRequiredService<RelationalDatabase>();

    /// <summary>A host over <paramref name="database"/>.</summary>
    public static HealthHost Over(TestDatabase database, HealthStatus? failureStatus = null, IEnumerable<string>? tags = null, TimeSpan? timeout = null)
    {
        var services = database.Register(new ServiceCollection().AddImageRules()).Services;
        return Registered(services, failureStatus, tags, timeout);
    }

    /// <summary>A host of <paramref name="services"/> (stores registered or not) with the check added.</summary>
    public static HealthHost Registered(IServiceCollection services, HealthStatus? failureStatus = null, IEnumerable<string>? tags = null, TimeSpan? timeout = null)
    {
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        TestDatabase.AddHealthCheck(services.AddHealthChecks(), failureStatus, tags, timeout);
        return new HealthHost(services.BuildServiceProvider());
    }

    /// <summary>Runs every check once, as a request to <c>/healthz</c> does, and returns the stores' entry.</summary>
    public async Task<HealthReportEntry> CheckAsync(CancellationToken cancellationToken = default)
    {
        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(cancellationToken);
        return report.Entries[TestDatabase.HealthCheckName];
    }

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
