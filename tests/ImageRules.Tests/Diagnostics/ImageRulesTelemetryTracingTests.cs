using System.Diagnostics;
using ImageRules.Diagnostics;

namespace ImageRules.Tests.Diagnostics;

/// <summary>One span per operation, from the <c>ImageRules</c> source, tagged with what an operator filters on.</summary>
[Collection(nameof(TelemetryListeners))]
public sealed class ImageRulesTelemetryTracingTests
{
    [Fact]
    public void A_successful_operation_is_one_internal_span_tagged_with_operation_store_outcome_and_attempts()
    {
        using var telemetry = new ImageRulesTelemetry();
        using var spans = new SpanRecorder(telemetry.ActivitySource);

        var scope = telemetry.StartOperation(OperationNames.Share, StoreKinds.Sqlite);
        Assert.Same(scope.Activity, Activity.Current);
        scope.Complete(Outcomes.Success);

        var span = Assert.Single(spans.Spans);
        Assert.Equal("ImageRules", span.Source.Name);
        Assert.Equal(ImageRulesTelemetry.Version, span.Source.Version);
        Assert.Equal("ImageRules share", span.DisplayName);
        Assert.Equal(ActivityKind.Internal, span.Kind);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal("share", span.GetTagItem("imagerules.operation"));
        Assert.Equal("sqlite", span.GetTagItem("imagerules.store"));
        Assert.Equal("success", span.GetTagItem("imagerules.outcome"));
        Assert.Equal(1, span.GetTagItem("imagerules.attempts"));
        Assert.Null(span.GetTagItem("error.type"));
        Assert.Null(Activity.Current);
    }

    [Fact]
    public void A_refusal_after_lost_races_is_an_answer_not_an_error_tagged_with_the_provider_code_and_every_attempt()
    {
        using var telemetry = new ImageRulesTelemetry();
        using var spans = new SpanRecorder(telemetry.ActivitySource);

        var scope = telemetry.StartOperation(OperationNames.Create, StoreKinds.PostgreSql);
        scope.Retried();
        scope.Retried();
        scope.Complete("LimitExceeded.UserImageQuota");

        var span = Assert.Single(spans.Spans);
        Assert.Equal(3, scope.Attempts);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal("LimitExceeded.UserImageQuota", span.GetTagItem("imagerules.outcome"));
        Assert.Equal(3, span.GetTagItem("imagerules.attempts"));
        Assert.Equal("postgresql", span.GetTagItem("imagerules.store"));
    }

    [Fact]
    public void An_exception_sets_the_error_status_error_type_and_an_exception_event()
    {
        using var telemetry = new ImageRulesTelemetry();
        using var spans = new SpanRecorder(telemetry.ActivitySource);

        var scope = telemetry.StartOperation(OperationNames.Delete, StoreKinds.Sqlite);
        scope.Fail(new TimeoutException("the database did not answer"));

        var span = Assert.Single(spans.Spans);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("the database did not answer", span.StatusDescription);
        Assert.Equal("error", span.GetTagItem("imagerules.outcome"));
        Assert.Equal("System.TimeoutException", span.GetTagItem("error.type"));
        var exception = Assert.Single(span.Events);
        Assert.Equal("exception", exception.Name);
        Assert.Contains(exception.Tags, t => t.Key == "exception.type" && (string?)t.Value == "System.TimeoutException");
    }

    [Fact]
    public void A_cancelled_operation_is_the_outcome_cancelled_and_not_an_error()
    {
        using var telemetry = new ImageRulesTelemetry();
        using var spans = new SpanRecorder(telemetry.ActivitySource);

        var scope = telemetry.StartOperation(OperationNames.Launch, StoreKinds.InMemory);
        scope.Fail(new OperationCanceledException());

        var span = Assert.Single(spans.Spans);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal("cancelled", span.GetTagItem("imagerules.outcome"));
        Assert.Null(span.GetTagItem("error.type"));
        Assert.Empty(span.Events);
    }

    [Fact]
    public void The_operation_span_is_a_child_of_the_callers_span()
    {
        using var telemetry = new ImageRulesTelemetry();
        using var spans = new SpanRecorder(telemetry.ActivitySource);
        using var caller = new Activity("POST /images/share").Start();

        var scope = telemetry.StartOperation(OperationNames.Share, StoreKinds.InMemory);
        scope.Complete(Outcomes.Success);

        var span = Assert.Single(spans.Spans);
        Assert.Equal(caller.TraceId, span.TraceId);
        Assert.Equal(caller.SpanId, span.ParentSpanId);
        Assert.Same(caller, Activity.Current);
    }

    [Fact]
    public void Every_operation_has_a_constant_span_name_and_an_unknown_one_is_named_after_it()
    {
        string[] operations =
        [
            OperationNames.Launch, OperationNames.Describe, OperationNames.DescribeSharePermissions, OperationNames.GetQuota,
            OperationNames.Create, OperationNames.Import, OperationNames.Copy, OperationNames.Modify, OperationNames.Delete,
            OperationNames.Share, OperationNames.CancelSharing, OperationNames.Complete, OperationNames.Publish,
        ];

        Assert.All(operations, o => Assert.Equal("ImageRules " + o, OperationNames.SpanName(o)));
        Assert.All(operations, o => Assert.Same(OperationNames.SpanName(o), OperationNames.SpanName(o)));
        Assert.Equal("ImageRules seed", OperationNames.SpanName("seed"));
    }

    [Fact]
    public void The_default_scope_does_nothing()
    {
        var scope = default(OperationScope);

        scope.Retried();
        scope.GaveUp();
        scope.Complete(Outcomes.Success);
        scope.Fail(new InvalidOperationException());

        Assert.Null(scope.Activity);
    }
}
