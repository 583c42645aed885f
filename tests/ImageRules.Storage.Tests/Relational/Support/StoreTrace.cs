using System.Collections.Concurrent;
using System.Diagnostics;
using ImageRules.Relational;

namespace ImageRules.Storage.Tests.Support;

/// <summary>
/// The database work of one call: the stores' round trips (their spans' names) and the statements run (see
/// <see cref="TestDatabase.TraceStatements"/>). Listeners see the whole process: tests that use it run alone
/// (the <c>StoreSpanListeners</c> collection).
/// </summary>
public static class StoreTrace
{
    public static async Task<(T Result, string[] RoundTrips, string[] Statements)> OfAsync<T>(RelationalDatabase database, Func<Task<T>> call)
    {
        var statements = new ConcurrentQueue<string>();
        var roundTrips = new ConcurrentQueue<string>();
        using var spans = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "ImageRules",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (a.Kind == ActivityKind.Client)
                {
                    roundTrips.Enqueue(a.DisplayName);
                }
            },
        };
        ActivitySource.AddActivityListener(spans);
        T result;
        using (TestDatabase.TraceStatements(database, statements))
        {
            result = await call();
        }

        return (result, [.. roundTrips], [.. statements]);
    }
}
