using System.Diagnostics;
using System.Diagnostics.Metrics;
using ImageRules.Diagnostics;

namespace ImageRules.Tests.Diagnostics;

/// <summary>
/// Telemetry costs the hot path nothing when nobody listens: a whole operation cycle allocates no byte. Measured on
/// the current thread after a warm-up, so that tiered compilation and first-call caches are out of the count.
/// </summary>
[Collection(nameof(TelemetryListeners))]
public sealed class ImageRulesTelemetryAllocationTests
{
    private const int Cycles = 1_000;

    [Fact]
    public void With_no_listener_a_full_operation_cycle_allocates_nothing()
    {
        using var telemetry = new ImageRulesTelemetry();
        Assert.False(telemetry.ActivitySource.HasListeners());

        Assert.Equal(0, AllocatedByCycles(telemetry));
    }

    [Fact]
    public void With_listeners_of_other_sources_and_meters_only_a_full_operation_cycle_allocates_nothing()
    {
        using var telemetry = new ImageRulesTelemetry();
        using var otherSource = new ActivitySource("Other");
        using var otherMeter = new Meter("Other");
        using var activities = new ActivityListener
        {
            ShouldListenTo = s => ReferenceEquals(s, otherSource),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(activities);
        using var meters = new MeterListener { InstrumentPublished = (i, l) => { if (ReferenceEquals(i.Meter, otherMeter)) l.EnableMeasurementEvents(i); } };
        meters.Start();

        Assert.Equal(0, AllocatedByCycles(telemetry));
    }

    [Fact]
    public void With_only_a_meter_listener_a_full_operation_cycle_allocates_nothing()
    {
        using var telemetry = new ImageRulesTelemetry();
        long measured = 0;
        using var meters = new MeterListener
        {
            InstrumentPublished = (i, l) =>
            {
                if (ReferenceEquals(i.Meter, telemetry.Meter))
                {
                    l.EnableMeasurementEvents(i);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((_, value, _, _) => measured += value);
        meters.SetMeasurementEventCallback<double>((_, _, _, _) => measured++);
        meters.Start();

        Assert.Equal(0, AllocatedByCycles(telemetry));
        Assert.True(measured > 0, "the listener heard nothing");
    }

    [Fact]
    public void With_a_span_listener_the_measure_sees_the_spans_allocations()
    {
        // The control: the measure above would see an allocation if there were one.
        using var telemetry = new ImageRulesTelemetry();
        using var spans = new SpanRecorder(telemetry.ActivitySource);

        Assert.True(AllocatedByCycles(telemetry) > 0);
    }

    private static long AllocatedByCycles(ImageRulesTelemetry telemetry)
    {
        RunCycles(telemetry); // warm-up: JIT, tiering, static caches
        RunCycles(telemetry);
        var before = GC.GetAllocatedBytesForCurrentThread();
        RunCycles(telemetry);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static void RunCycles(ImageRulesTelemetry telemetry)
    {
        for (var i = 0; i < Cycles; i++)
        {
            var scope = telemetry.StartOperation(OperationNames.Launch, StoreKinds.InMemory);
            scope.Retried();
            if (i % 2 == 0)
            {
                scope.Complete(Outcomes.Success);
            }
            else
            {
                scope.GaveUp();
                scope.Complete("InvalidImageId.NotFound");
            }

            telemetry.TransientStoreErrorRetried(StoreKinds.InMemory);
        }
    }
}
