using System.Diagnostics;
using Ardalis.GuardClauses;

namespace ImageRules.Diagnostics;

/// <summary>
/// One service operation being traced and timed, from <see cref="ImageRulesTelemetry.StartOperation"/> to
/// <see cref="Complete"/> or <see cref="Fail"/>.
/// </summary>
/// <remarks>
/// <para>A mutable struct, so that starting and ending an operation allocates nothing: keep it in a local, never in a
/// <see langword="readonly"/> field or a <see langword="using"/> variable (a defensive copy would lose
/// <see cref="Retried"/>'s count), and end it exactly once. The <see langword="default"/> scope does nothing, so a
/// service without telemetry can use it.</para>
/// <para>Span: named <c>ImageRules {operation}</c>, kind internal, tagged <c>imagerules.operation</c>,
/// <c>imagerules.store</c>, <c>imagerules.attempts</c> and <c>imagerules.outcome</c>. A refusal is an answer, not an
/// error: its status stays unset and its outcome is the provider error code. An exception sets the status to error,
/// <c>error.type</c> and an <c>exception</c> event; a cancellation is the outcome <c>cancelled</c>.</para>
/// </remarks>
internal struct OperationScope
{
    private readonly ImageRulesTelemetry? telemetry;
    private readonly Activity? activity;
    private readonly string operation;
    private readonly string storeKind;
    private readonly long started;
    private int attempts;

    internal OperationScope(ImageRulesTelemetry telemetry, Activity? activity, string operation, string storeKind, long started)
    {
        this.telemetry = telemetry;
        this.activity = activity;
        this.operation = operation;
        this.storeKind = storeKind;
        this.started = started;
        attempts = 1;
    }

    /// <summary>How many times the operation has been decided so far: 1, plus one per <see cref="Retried"/>.</summary>
    public readonly int Attempts => attempts;

    /// <summary>The operation's span, or null when no listener sampled it.</summary>
    public readonly Activity? Activity => activity;

    /// <summary>
    /// Another writer changed the catalogue first: the write is decided again. Counts an attempt and one
    /// <c>imagerules.concurrency.retries</c>.
    /// </summary>
    public void Retried()
    {
        attempts++;
        if (telemetry is { Retries.Enabled: true })
        {
            telemetry.Retries.Add(1, OperationTags());
        }
    }

    /// <summary>
    /// Every attempt lost a race: the write gives up (then end the scope with the refusal's code through
    /// <see cref="Complete"/>). Counts one <c>imagerules.concurrency.gave_up</c>.
    /// </summary>
    public readonly void GaveUp()
    {
        if (telemetry is { GaveUp.Enabled: true })
        {
            telemetry.GaveUp.Add(1, OperationTags());
        }
    }

    /// <summary>Ends the operation with an answer: <see cref="Outcomes.Success"/> or the refusal's provider error code.</summary>
    /// <param name="outcome"><see cref="Outcomes.Success"/> or a provider error code, such as <c>InvalidImageId.NotFound</c>.</param>
    public readonly void Complete(string outcome) => End(outcome, exception: null);

    /// <summary>
    /// Ends the operation with the exception it threw: outcome <see cref="Outcomes.Error"/> (span status error,
    /// <c>error.type</c>, an <c>exception</c> event), or <see cref="Outcomes.Cancelled"/> for a cancellation.
    /// </summary>
    /// <param name="exception">What the operation threw.</param>
    public readonly void Fail(Exception exception)
    {
        Guard.Against.Null(exception);
        End(exception is OperationCanceledException ? Outcomes.Cancelled : Outcomes.Error, exception);
    }

    private readonly void End(string outcome, Exception? exception)
    {
        if (telemetry is null)
        {
            return;
        }

        var errorType = exception is null or OperationCanceledException ? null : exception.GetType().FullName;
        if (activity is not null)
        {
            if (activity.IsAllDataRequested)
            {
                activity.SetTag(TelemetryNames.OutcomeTag, outcome);
                activity.SetTag(TelemetryNames.AttemptsTag, ImageRulesTelemetry.BoxAttempts(attempts));
                if (errorType is not null)
                {
                    activity.SetTag(TelemetryNames.ErrorTypeTag, errorType);
                    activity.SetStatus(ActivityStatusCode.Error, exception!.Message);
                    activity.AddException(exception);
                }
            }

            activity.Dispose();
        }

        var counted = telemetry.Operations.Enabled;
        var timed = started != 0 && telemetry.Duration.Enabled;
        if (!counted && !timed)
        {
            return;
        }

        var tags = OperationTags();
        tags.Add(TelemetryNames.OutcomeTag, outcome);
        if (errorType is not null)
        {
            tags.Add(TelemetryNames.ErrorTypeTag, errorType);
        }

        if (counted)
        {
            telemetry.Operations.Add(1, tags);
        }

        if (timed)
        {
            telemetry.Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }

    private readonly TagList OperationTags() => new()
    {
        { TelemetryNames.OperationTag, operation },
        { TelemetryNames.StoreTag, storeKind },
    };
}
