using ImageRules.PostgreSql;
using ImageRules.Relational;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ImageRules.Hosting;

/// <summary>Registers the health check of ImageRules' PostgreSQL stores with a host's health checks.</summary>
public static class PostgreSqlHealthChecksBuilderExtensions
{
    /// <summary>
    /// Checks the PostgreSQL database the stores use (the one <c>UsePostgreSql</c> registered): healthy when it answers and its
    /// schema is at <see cref="RelationalDatabase.SchemaVersion"/>. See <see cref="RelationalDatabaseHealthCheck"/>
    /// for what each check does and reports.
    /// </summary>
    /// <param name="builder">The host's health checks, from <c>services.AddHealthChecks()</c>.</param>
    /// <param name="name">The check's name in health reports.</param>
    /// <param name="failureStatus">What a failed check reports; <see cref="HealthStatus.Unhealthy"/> when null.</param>
    /// <param name="tags">Tags to select the check by (such as <c>ready</c>), or none.</param>
    /// <param name="timeout">How long a check waits for the database; <see cref="RelationalDatabaseHealthCheck.DefaultTimeout"/> when null.</param>
    /// <returns>The same builder, so that additional calls can be chained.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is zero or negative (other than infinite).</exception>
    /// <remarks>The database is resolved from the container when the check runs; without <c>UsePostgreSql</c> the check reports
    /// the failure status and names the missing call.</remarks>
    public static IHealthChecksBuilder AddImageRulesPostgreSql(
        this IHealthChecksBuilder builder,
        string name = "imagerules-postgresql",
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null,
        TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(RelationalDatabaseHealthCheck.Registration<PostgreSqlDatabase>(name, failureStatus, tags, timeout, "UsePostgreSql"));
    }
}
