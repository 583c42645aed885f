using System.Diagnostics.Metrics;
using ImageRules.Application;
using ImageRules.Diagnostics;
using ImageRules.Storage;
using ImageRules.Tests.Application;
using ImageRules.Tests.Support;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace ImageRules.Tests.Diagnostics;

/// <summary>The <c>ImageRules</c> meter's instruments: names, units and tags as the README documents them.</summary>
[Collection(nameof(TelemetryListeners))]
public sealed class ImageRulesTelemetryMetricsTests
{
    [Fact]
    public void The_meter_publishes_five_instruments_with_their_units()
    {
        using var telemetry = new ImageRulesTelemetry();
        var published = new List<Instrument>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (ReferenceEquals(instrument.Meter, telemetry.Meter))
                {
                    published.Add(instrument);
                }
            },
        };
        listener.Start();

        Assert.Equal("ImageRules", telemetry.Meter.Name);
        Assert.Equal(ImageRulesTelemetry.Version, telemetry.Meter.Version);
        Assert.Equal(
            [
                ("imagerules.concurrency.gave_up", "{operation}", "Counter`1"),
                ("imagerules.concurrency.retries", "{retry}", "Counter`1"),
                ("imagerules.operation.duration", "s", "Histogram`1"),
                ("imagerules.operations", "{operation}", "Counter`1"),
                ("imagerules.store.transient_errors", "{error}", "Counter`1"),
            ],
            published.Select(i => (i.Name, i.Unit, i.GetType().Name)).Order());
        Assert.All(published, i => Assert.False(string.IsNullOrWhiteSpace(i.Description)));
    }

    [Fact]
    public void A_completed_operation_is_counted_and_timed_by_operation_outcome_and_store()
    {
        using var telemetry = new ImageRulesTelemetry();
        using var operations = new MetricCollector<long>(telemetry.Operations);
        using var durations = new MetricCollector<double>(telemetry.Duration);

        var refused = telemetry.StartOperation(OperationNames.Share, StoreKinds.InMemory);
        refused.Complete("InvalidParameterValue.LimitExceeded");
        var shared = telemetry.StartOperation(OperationNames.Share, StoreKinds.InMemory);
        shared.Complete(Outcomes.Success);

        var counted = operations.GetMeasurementSnapshot();
        Assert.Equal([1L, 1L], counted.Select(m => m.Value));
        Assert.True(counted[0].MatchesTags(Tag("imagerules.operation", "share"), Tag("imagerules.store", "in_memory"), Tag("imagerules.outcome", "InvalidParameterValue.LimitExceeded")));
        Assert.True(counted[1].MatchesTags(Tag("imagerules.operation", "share"), Tag("imagerules.store", "in_memory"), Tag("imagerules.outcome", "success")));
        var timed = durations.GetMeasurementSnapshot();
        Assert.Equal(2, timed.Count);
        Assert.All(timed, m => Assert.InRange(m.Value, 0, 60));
        Assert.True(timed[1].MatchesTags(Tag("imagerules.operation", "share"), Tag("imagerules.store", "in_memory"), Tag("imagerules.outcome", "success")));
    }

    [Fact]
    public void An_operation_that_threw_is_counted_with_its_error_type()
    {
        using var telemetry = new ImageRulesTelemetry();
        using var operations = new MetricCollector<long>(telemetry.Operations);

        var scope = telemetry.StartOperation(OperationNames.Copy, StoreKinds.PostgreSql);
        scope.Fail(new TimeoutException());

        var counted = Assert.Single(operations.GetMeasurementSnapshot());
        Assert.True(counted.MatchesTags(
            Tag("imagerules.operation", "copy"), Tag("imagerules.store", "postgresql"), Tag("imagerules.outcome", "error"), Tag("error.type", "System.TimeoutException")));
    }

    [Fact]
    public void Lost_races_count_a_retry_each_and_a_write_that_gives_up_counts_once()
    {
        using var telemetry = new ImageRulesTelemetry();
        using var retries = new MetricCollector<long>(telemetry.Retries);
        using var gaveUp = new MetricCollector<long>(telemetry.GaveUp);
        using var operations = new MetricCollector<long>(telemetry.Operations);

        var scope = telemetry.StartOperation(OperationNames.Create, StoreKinds.Sqlite);
        for (var lost = 1; lost < 10; lost++)
        {
            scope.Retried();
        }

        scope.GaveUp();
        scope.Complete("ResourceInUse");

        Assert.Equal(9, retries.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.All(retries.GetMeasurementSnapshot(), m => Assert.True(m.MatchesTags(Tag("imagerules.operation", "create"), Tag("imagerules.store", "sqlite"))));
        var gave = Assert.Single(gaveUp.GetMeasurementSnapshot());
        Assert.Equal(1, gave.Value);
        Assert.True(gave.MatchesTags(Tag("imagerules.operation", "create"), Tag("imagerules.store", "sqlite")));
        Assert.True(Assert.Single(operations.GetMeasurementSnapshot()).ContainsTags(Tag("imagerules.outcome", "ResourceInUse")));
        Assert.Equal(10, scope.Attempts);
    }

    [Fact]
    public void A_retried_transient_store_error_is_counted_by_store()
    {
        using var telemetry = new ImageRulesTelemetry();
        using var errors = new MetricCollector<long>(telemetry.TransientErrors);

        telemetry.TransientStoreErrorRetried(StoreKinds.PostgreSql);
        telemetry.TransientStoreErrorRetried(StoreKinds.PostgreSql);

        Assert.Equal(2, errors.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.All(errors.GetMeasurementSnapshot(), m => Assert.Equal(new Dictionary<string, object?> { ["imagerules.store"] = "postgresql" }, m.Tags));
    }

    [Fact]
    public async Task The_service_counts_each_transient_store_error_it_retries()
    {
        using var factory = new RecordingMeterFactory();
        var world = await TestWorld.CreateAsync();
        var store = new UnavailableImageStore(world.Store);
        var service = new ImageService(world.Service.Policy, store, world.Ids, world.Clock, meterFactory: factory);
        using var errors = new MetricCollector<long>(factory.Made.Single(), TelemetryNames.StoreTransientErrors);
        store.FailNext(nameof(IImageStore.LoadFactsAsync), 2);

        Assert.True((await service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou))).IsSuccess);

        Assert.Equal([1L, 1L], errors.GetMeasurementSnapshot().Select(m => m.Value));
        Assert.All(errors.GetMeasurementSnapshot(), m => Assert.Equal(["imagerules.store"], m.Tags.Keys));
    }

    [Fact]
    public void The_meter_is_made_by_the_hosts_meter_factory_when_there_is_one_and_left_to_it()
    {
        using var factory = new RecordingMeterFactory();
        using (var telemetry = new ImageRulesTelemetry(factory))
        {
            var options = Assert.Single(factory.Requested);
            Assert.Equal(("ImageRules", ImageRulesTelemetry.Version), (options.Name, options.Version));
            Assert.Same(factory.Made.Single(), telemetry.Meter);
        }

        // The factory's meter outlives the telemetry: its instruments still publish.
        var stillPublished = false;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) => stillPublished |= ReferenceEquals(instrument.Meter, factory.Made.Single()),
        };
        listener.Start();
        Assert.True(stillPublished);
    }

    private static KeyValuePair<string, object?> Tag(string key, object? value) => new(key, value);

    /// <summary>An <see cref="IMeterFactory"/> that makes plain meters and remembers what it was asked for.</summary>
    private sealed class RecordingMeterFactory : IMeterFactory
    {
        public List<MeterOptions> Requested { get; } = [];

        public List<Meter> Made { get; } = [];

        public Meter Create(MeterOptions options)
        {
            Requested.Add(options);
            var meter = new Meter(options);
            Made.Add(meter);
            return meter;
        }

        public void Dispose() => Made.ForEach(m => m.Dispose());
    }
}
