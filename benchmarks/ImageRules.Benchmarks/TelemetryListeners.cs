using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ImageRules.Benchmarks;

/// <summary>
/// An operator's listeners on ImageRules' telemetry, attached as OpenTelemetry attaches them: an
/// <see cref="ActivityListener"/> that samples every span of the <c>ImageRules</c> source with all its data, and a
/// <see cref="MeterListener"/> that takes every measurement of the <c>ImageRules</c> meter. Both only count what they
/// hear (no exporter, no aggregation), so a row measured with them attached shows what the library's own
/// instrumentation costs once someone listens. Process-wide while attached: a benchmark member that wants them
/// attaches them in its own <c>[GlobalSetup]</c> (BenchmarkDotNet runs each member in its own process). Dispose to detach.
/// </summary>
internal sealed class TelemetryListeners : IDisposable
{
    /// <summary>The name of ImageRules' activity source and meter.</summary>
    public const string SourceName = "ImageRules";

    private readonly ActivityListener activities;
    private readonly MeterListener meters;
    private long spans;
    private long measurements;

    private TelemetryListeners()
    {
        activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _ => Interlocked.Increment(ref spans),
        };
        ActivitySource.AddActivityListener(activities);

        meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == SourceName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((_, _, _, _) => Interlocked.Increment(ref measurements));
        meters.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref measurements));
        meters.Start();
    }

    /// <summary>Attaches both listeners, process-wide, until <see cref="Dispose"/>; released by the benchmark's <c>[GlobalCleanup]</c>.</summary>
    public static TelemetryListeners Attach() => new();

    /// <summary>Attaches the listeners, then runs <paramref name="setUp"/>, which must make the service speak: a row "with listeners" that heard nothing would measure nothing.</summary>
    /// <exception cref="InvalidOperationException">The listeners heard no span or no measurement during <paramref name="setUp"/>.</exception>
    public static async Task<TelemetryListeners> AttachAroundAsync(Func<Task> setUp)
    {
        var listeners = Attach();
        await setUp();
        if (listeners.Spans == 0 || listeners.Measurements == 0)
        {
            listeners.Dispose();
            throw new InvalidOperationException("the telemetry listeners heard nothing from the service");
        }

        return listeners;
    }

    /// <summary>How many spans of the source have ended since attaching.</summary>
    public long Spans => Interlocked.Read(ref spans);

    /// <summary>How many measurements of the meter were taken since attaching.</summary>
    public long Measurements => Interlocked.Read(ref measurements);

    /// <summary>Detaches both listeners.</summary>
    public void Dispose()
    {
        activities.Dispose();
        meters.Dispose();
    }
}
