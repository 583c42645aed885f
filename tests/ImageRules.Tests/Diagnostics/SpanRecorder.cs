using System.Collections.Concurrent;
using System.Diagnostics;

namespace ImageRules.Tests.Diagnostics;

/// <summary>Records every span of one <see cref="ActivitySource"/> instance (not any other of the same name), all data requested.</summary>
internal sealed class SpanRecorder : IDisposable
{
    private readonly ActivityListener listener;
    private readonly ConcurrentQueue<Activity> stopped = new();

    public SpanRecorder(ActivitySource source)
    {
        listener = new ActivityListener
        {
            ShouldListenTo = candidate => ReferenceEquals(candidate, source),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
    }

    public IReadOnlyList<Activity> Spans => [.. stopped];

    public void Dispose() => listener.Dispose();
}
