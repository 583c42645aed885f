using System.Data.Common;
using System.Globalization;
using Ardalis.GuardClauses;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ImageRules.Relational;

/// <summary>
/// Is the ImageRules database reachable, with its schema at the version this library reads and writes
/// (<see cref="RelationalDatabase.SchemaVersion"/>)? Registered by <c>AddImageRulesSqlite</c> and
/// <c>AddImageRulesPostgreSql</c> on a host's <c>AddHealthChecks()</c>.
/// </summary>
/// <remarks>
/// <para>Each check opens a connection as the stores do and reads the schema version: one row of one table. The first
/// check of a <see cref="RelationalDatabase"/> instance that has not yet been used also creates or upgrades the schema,
/// exactly as the stores' first operation would (see <see cref="RelationalDatabase.EnsureSchemaAsync"/>), so a new
/// database is healthy before any traffic reaches it; every later check only reads.</para>
/// <para>Healthy when the database answers and records <see cref="RelationalDatabase.SchemaVersion"/>. Otherwise the
/// registration's failure status (<see cref="HealthStatus.Unhealthy"/> unless the host chose another) with a
/// one-line description and, when there was one, the exception: the database cannot be reached (the connection
/// failed, or a pooled one met a transient error); it did not answer
/// within the timeout; its schema is newer than this library (another instance runs a newer version: upgrade this
/// one) or older than this library expects (restored from an older backup, or changed by hand). The result's data
/// holds <c>expected_schema_version</c> and, once read, <c>schema_version</c>.</para>
/// <para>Cancelling the token given to <see cref="CheckHealthAsync"/> cancels the check (the health-check service
/// reports that itself); the timeout is this check's own. Microsoft.Data.Sqlite runs its "asynchronous" methods
/// synchronously, so over SQLite the timeout is observed between statements only (a locked database waits for its
/// <c>Default Timeout</c>). Thread-safe.</para>
/// </remarks>
public sealed class RelationalDatabaseHealthCheck : IHealthCheck
{
    /// <summary>How long a check waits for the database when no timeout is given: 5 seconds.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(5);

    private const string ExpectedKey = "expected_schema_version";
    private const string FoundKey = "schema_version";

    private readonly RelationalDatabase database;
    private readonly TimeSpan timeout;

    /// <summary>A check of <paramref name="database"/>, giving up after <paramref name="timeout"/>.</summary>
    /// <param name="database">The database the stores use (the container's <see cref="RelationalDatabase"/>).</param>
    /// <param name="timeout">How long to wait for the database; <see cref="DefaultTimeout"/> when null, no limit when <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is zero or negative (other than infinite).</exception>
    public RelationalDatabaseHealthCheck(RelationalDatabase database, TimeSpan? timeout = null)
    {
        Guard.Against.Null(database);
        if (timeout is { } given && given <= TimeSpan.Zero && given != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), given, "the timeout must be positive, or infinite");
        }

        this.database = database;
        this.timeout = timeout ?? DefaultTimeout;
    }

    /// <summary>
    /// The registration of a check of the <typeparamref name="TDatabase"/> the stores use, resolved from the container
    /// when the check runs: the one the store packages' <c>AddImageRules…</c> health-check extensions add. Without that
    /// database (the store was not chosen with <paramref name="useCall"/>) the check reports the failure status and
    /// says which call is missing, rather than throwing out of the health-check service.
    /// </summary>
    /// <typeparam name="TDatabase">The engine's database.</typeparam>
    /// <param name="name">The check's name in health reports.</param>
    /// <param name="failureStatus">What a failed check reports; <see cref="HealthStatus.Unhealthy"/> when null.</param>
    /// <param name="tags">Tags to select the check by, or none.</param>
    /// <param name="timeout">How long a check waits for the database; <see cref="DefaultTimeout"/> when null.</param>
    /// <param name="useCall">The call that chooses the store, named in the report when it is missing, such as <c>UseSqlite</c>.</param>
    /// <exception cref="ArgumentException">The name is blank, or the timeout is neither positive nor infinite.</exception>
    public static HealthCheckRegistration Registration<TDatabase>(string name, HealthStatus? failureStatus, IEnumerable<string>? tags, TimeSpan? timeout, string useCall)
        where TDatabase : RelationalDatabase
    {
        Guard.Against.NullOrWhiteSpace(name);
        if (timeout is { } given && given <= TimeSpan.Zero && given != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), given, "the timeout must be positive, or infinite");
        }

        return new HealthCheckRegistration(
            name,
            services => services.GetService(typeof(RelationalDatabase)) is TDatabase database
                ? new RelationalDatabaseHealthCheck(database, timeout)
                : new MissingDatabase($"no {typeof(TDatabase).Name} is registered: call {useCall} on the ImageRules builder"),
            failureStatus,
            tags);
    }

    /// <summary>The check of a store that was never chosen: it reports the failure status, saying why.</summary>
    private sealed class MissingDatabase(string description) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, description));
    }

    /// <inheritdoc/>
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(context);
        var failure = context.Registration?.FailureStatus ?? HealthStatus.Unhealthy;
        var data = new Dictionary<string, object> { [ExpectedKey] = RelationalDatabase.SchemaVersion };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            return await CheckAsync(failure, data, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(failure, Invariant($"the ImageRules database did not answer within {timeout.TotalSeconds:0.###} s"), exception: null, data);
        }
    }

    private async Task<HealthCheckResult> CheckAsync(HealthStatus failure, Dictionary<string, object> data, CancellationToken cancellationToken)
    {
        DbConnection connection;
        try
        {
            connection = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsFailure(e))
        {
            return Unreachable(failure, e, data);
        }

        await using (connection.ConfigureAwait(false))
        {
            Exception? upgradeError = null;
            try
            {
                await database.EnsureSchemaOnAsync(connection, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsFailure(e))
            {
                upgradeError = e;
            }

            int found;
            try
            {
                found = await Schema.ReadVersionAsync(connection, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsFailure(e))
            {
                var error = upgradeError ?? e;
                if (database.IsTransientFailure(error))
                {
                    // A pooled connection opens without a word to the server: a stopped server shows here first.
                    return Unreachable(failure, error, data);
                }

                return new HealthCheckResult(failure, Invariant($"the ImageRules database's schema cannot be brought to version {RelationalDatabase.SchemaVersion}: {error.Message}"), error, data);
            }

            data[FoundKey] = found;
            var expected = RelationalDatabase.SchemaVersion;
            if (found > expected)
            {
                return new HealthCheckResult(
                    failure,
                    Invariant($"the ImageRules database's schema is at version {found}, newer than version {expected} this library reads and writes: upgrade the ImageRules storage package"),
                    upgradeError,
                    data);
            }

            if (upgradeError is not null)
            {
                return new HealthCheckResult(
                    failure,
                    Invariant($"the ImageRules database's schema is at version {found} and cannot be brought to version {expected}: {upgradeError.Message}"),
                    upgradeError,
                    data);
            }

            if (found < expected)
            {
                return new HealthCheckResult(
                    failure,
                    Invariant($"the ImageRules database's schema is at version {found}, older than version {expected} this library reads and writes: was the database restored or changed after this instance upgraded it?"),
                    exception: null,
                    data);
            }

            return HealthCheckResult.Healthy(Invariant($"the ImageRules database is reachable and its schema is at version {found}"), data);
        }
    }

    private static HealthCheckResult Unreachable(HealthStatus failure, Exception error, Dictionary<string, object> data) =>
        new(failure, $"the ImageRules database cannot be reached: {error.Message}", error, data);

    /// <summary>
    /// Whatever the database, its provider or the network throws is the check's answer. Cancellation is not:
    /// <see cref="CheckHealthAsync"/> tells its own timeout from the caller's cancellation.
    /// </summary>
    private static bool IsFailure(Exception exception) => exception is not OperationCanceledException;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
