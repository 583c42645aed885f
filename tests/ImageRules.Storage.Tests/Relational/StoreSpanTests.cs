using System.Collections.Concurrent;
using System.Diagnostics;
using ImageRules.Relational;
using ImageRules.Storage.Tests.Support;
using ImageRules.Tests.Support;

namespace ImageRules.Storage.Tests;

/// <summary>The tests that attach activity listeners or count allocations: alone, after every parallel test.</summary>
[CollectionDefinition(nameof(StoreSpanListeners), DisableParallelization = true)]
public sealed class StoreSpanListeners;

/// <summary>
/// Issue 13: the SQL stores' work is traced as client spans under the service operation's span, from the
/// <c>ImageRules</c> source, tagged after OpenTelemetry's database conventions; with nobody listening, starting one
/// costs nothing.
/// </summary>
[Collection(nameof(StoreSpanListeners))]
public class StoreSpanTests
{
    [Fact]
    public async Task R10_a_write_is_one_commit_span_under_the_operation_span_its_facts_loaded_inside_the_transaction()
    {
        var database = await TestDatabase.CreateAsync();
        await using var instance = ServiceInstance.Over(database);
        await instance.SeedAsync();
        using var test = new ActivitySource("StoreSpanTests");
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "ImageRules" or "StoreSpanTests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        using (var root = test.StartActivity("test"))
        {
            Assert.True((await instance.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou))).IsSuccess);
        }

        var ours = stopped.Where(s => s.TraceId == stopped.Single(r => r.Source.Name == "StoreSpanTests").TraceId).ToArray();
        var operation = Assert.Single(ours, s => s.DisplayName == "ImageRules create");
        var work = ours.Where(s => s.Kind == ActivityKind.Client).ToArray();
        Assert.Equal(["commit"], work.Select(s => s.DisplayName));
        Assert.All(work, s => Assert.Equal(operation.SpanId, s.ParentSpanId));
        Assert.All(work, s => Assert.Equal(s.DisplayName, s.GetTagItem("db.operation.name")));
        Assert.All(work, s => Assert.Contains(s.GetTagItem("db.system.name"), new object[] { "sqlite", "postgresql" }));
        Assert.All(work, s => Assert.Equal(ActivityStatusCode.Unset, s.Status));
    }

    [Fact]
    public async Task Events_an_observed_write_marks_its_event_delivered_and_a_redelivery_reads_the_outbox_each_a_store_span()
    {
        var database = await TestDatabase.CreateAsync();
        await using var instance = ServiceInstance.Over(database, observers: [new RecordingObserver()]);
        await instance.SeedAsync();
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "ImageRules",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        Assert.True((await instance.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou))).IsSuccess);
        Assert.Equal(0, await instance.Service.DeliverPendingEventsAsync(TimeSpan.Zero));

        var work = stopped.Where(s => s.Kind == ActivityKind.Client && s.DisplayName != "ensure_schema").ToArray();
        Assert.Equal(["commit", "mark_event_delivered", "read_pending_events"], work.Select(s => s.DisplayName));
        Assert.All(work, s => Assert.Equal(s.DisplayName, s.GetTagItem("db.operation.name")));
    }

    [Fact]
    public void With_no_listener_starting_a_store_span_allocates_nothing()
    {
        var error = new InvalidOperationException("failed");
        Assert.False(StoreSpans.Source.HasListeners());
        StoreSpans.Failed(StoreSpans.Start("sqlite", "load_facts"), error);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            using var span = StoreSpans.Start("sqlite", "load_facts");
            StoreSpans.Failed(span, error);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
