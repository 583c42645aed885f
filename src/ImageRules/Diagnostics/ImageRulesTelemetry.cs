using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace ImageRules.Diagnostics;

/// <summary>
/// ImageRules' traces and metrics: one <see cref="System.Diagnostics.ActivitySource"/> and one
/// <see cref="System.Diagnostics.Metrics.Meter"/>, both named <c>ImageRules</c> (<see cref="TelemetryNames.SourceName"/>),
/// which OpenTelemetry picks up with <c>AddSource("ImageRules")</c> and <c>AddMeter("ImageRules")</c>.
/// </summary>
/// <remarks>
/// <para>Instruments (OpenTelemetry naming conventions; tags in parentheses):</para>
/// <list type="table">
///   <item><term><c>imagerules.operations</c></term><description>counter, <c>{operation}</c>: completed operations
///   (<c>imagerules.operation</c>, <c>imagerules.outcome</c>, <c>imagerules.store</c>, and <c>error.type</c> when one threw).</description></item>
///   <item><term><c>imagerules.operation.duration</c></term><description>histogram, <c>s</c>: how long each took, decision
///   and store work together (same tags).</description></item>
///   <item><term><c>imagerules.concurrency.retries</c></term><description>counter, <c>{retry}</c>: writes decided again
///   because another writer changed the catalogue first (<c>imagerules.operation</c>, <c>imagerules.store</c>).</description></item>
///   <item><term><c>imagerules.concurrency.gave_up</c></term><description>counter, <c>{operation}</c>: writes refused
///   after every attempt lost a race (<c>imagerules.operation</c>, <c>imagerules.store</c>).</description></item>
///   <item><term><c>imagerules.store.transient_errors</c></term><description>counter, <c>{error}</c>: transient store
///   errors that were retried (<c>imagerules.store</c>).</description></item>
/// </list>
/// <para>Nothing is recorded, and nothing allocated, unless a listener is attached: every method first checks
/// <see cref="ActivitySource.HasListeners"/> or the instrument's <see cref="Instrument.Enabled"/>, and tags travel in a
/// <see cref="TagList"/> on the stack. Thread-safe: share one instance (a singleton in a container).</para>
/// <para>The meter is made by the host's <see cref="IMeterFactory"/> when there is one (so it is scoped to the host's
/// container and disposed with it), else owned by this instance; the activity source is always owned. Dispose the
/// instance to release both.</para>
/// </remarks>
internal sealed class ImageRulesTelemetry : IDisposable
{
    /// <summary>Boxed attempt counts, so tagging a span with the usual few attempts allocates nothing more.</summary>
    private static readonly object[] BoxedAttempts = [.. Enumerable.Range(0, 17).Select(n => (object)n)];

    private static readonly double[] DurationBuckets =
        [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly bool ownsMeter;

    /// <summary>One instance for every service made without an <see cref="IMeterFactory"/>, so making many services (tests, tools) registers one meter, not one each.</summary>
    public static ImageRulesTelemetry Shared { get; } = new();

    /// <summary>Creates the source and the meter; the meter through <paramref name="meterFactory"/> when given.</summary>
    /// <param name="meterFactory">The host's meter factory (from its container), or null to own the meter.</param>
    public ImageRulesTelemetry(IMeterFactory? meterFactory = null)
    {
        ActivitySource = new ActivitySource(TelemetryNames.SourceName, Version);
        if (meterFactory is null)
        {
            Meter = new Meter(TelemetryNames.SourceName, Version);
            ownsMeter = true;
        }
        else
        {
            Meter = meterFactory.Create(new MeterOptions(TelemetryNames.SourceName) { Version = Version });
        }

        Operations = Meter.CreateCounter<long>(TelemetryNames.Operations, "{operation}", "Operations of the ImageRules service completed, by operation and outcome (success or the provider error code).");
        Duration = Meter.CreateHistogram(
            TelemetryNames.OperationDuration,
            "s",
            "Duration of ImageRules service operations, decision and store work together.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        Retries = Meter.CreateCounter<long>(TelemetryNames.ConcurrencyRetries, "{retry}", "Writes decided again because another writer changed the catalogue first (optimistic concurrency).");
        GaveUp = Meter.CreateCounter<long>(TelemetryNames.ConcurrencyGaveUp, "{operation}", "Writes refused after every attempt lost a race to another writer.");
        TransientErrors = Meter.CreateCounter<long>(TelemetryNames.StoreTransientErrors, "{error}", "Transient store errors (a dropped connection, a timeout) that were retried.");
    }

    /// <summary>The library's informational version (such as <c>0.2.0+abc123</c>): the source's and the meter's version.</summary>
    public static string Version { get; } =
        typeof(ImageRulesTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ImageRulesTelemetry).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    /// <summary>The source of one span per service operation.</summary>
    public ActivitySource ActivitySource { get; }

    /// <summary>The meter of every instrument below.</summary>
    public Meter Meter { get; }

    /// <summary><c>imagerules.operations</c>.</summary>
    internal Counter<long> Operations { get; }

    /// <summary><c>imagerules.operation.duration</c>.</summary>
    internal Histogram<double> Duration { get; }

    /// <summary><c>imagerules.concurrency.retries</c>.</summary>
    internal Counter<long> Retries { get; }

    /// <summary><c>imagerules.concurrency.gave_up</c>.</summary>
    internal Counter<long> GaveUp { get; }

    /// <summary><c>imagerules.store.transient_errors</c>.</summary>
    internal Counter<long> TransientErrors { get; }

    /// <summary>
    /// Starts timing and tracing one service operation. Keep the scope in a local (it is a mutable struct: a copy
    /// would count its own attempts), call <see cref="OperationScope.Retried"/> for each lost race, and end it exactly
    /// once with <see cref="OperationScope.Complete"/> or <see cref="OperationScope.Fail"/>.
    /// </summary>
    /// <param name="operation">One of <see cref="OperationNames"/>.</param>
    /// <param name="storeKind">One of <see cref="StoreKinds"/>.</param>
    /// <returns>The scope; allocates nothing when no listener is attached.</returns>
    public OperationScope StartOperation(string operation, string storeKind)
    {
        Activity? activity = null;
        if (ActivitySource.HasListeners())
        {
            activity = ActivitySource.StartActivity(OperationNames.SpanName(operation), ActivityKind.Internal);
            if (activity is { IsAllDataRequested: true })
            {
                activity.SetTag(TelemetryNames.OperationTag, operation);
                activity.SetTag(TelemetryNames.StoreTag, storeKind);
            }
        }

        var started = Duration.Enabled ? Stopwatch.GetTimestamp() : 0;
        return new OperationScope(this, activity, operation, storeKind, started);
    }

    /// <summary>Counts one transient store error that is about to be retried (<c>imagerules.store.transient_errors</c>).</summary>
    /// <param name="storeKind">One of <see cref="StoreKinds"/>.</param>
    public void TransientStoreErrorRetried(string storeKind)
    {
        if (TransientErrors.Enabled)
        {
            TransientErrors.Add(1, new KeyValuePair<string, object?>(TelemetryNames.StoreTag, storeKind));
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        ActivitySource.Dispose();
        if (ownsMeter)
        {
            Meter.Dispose();
        }
    }

    /// <summary>A boxed <paramref name="attempts"/>, shared for small counts.</summary>
    internal static object BoxAttempts(int attempts) =>
        (uint)attempts < (uint)BoxedAttempts.Length ? BoxedAttempts[attempts] : attempts;
}
