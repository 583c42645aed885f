using System.Diagnostics;
using System.Reflection;

namespace ImageRules.Relational;

/// <summary>
/// The SQL stores' spans: one per unit of database work (a facts load, a commit, a listing), a child of the service
/// operation's span, from an <see cref="ActivitySource"/> named <c>ImageRules</c> like the service's, so one
/// <c>AddSource("ImageRules")</c> records both. Tagged after OpenTelemetry's database conventions:
/// <c>db.system.name</c> (<c>postgresql</c>, <c>sqlite</c>) and <c>db.operation.name</c>; never the SQL or its values.
/// </summary>
/// <remarks>With no listener nothing is started and nothing allocated.</remarks>
internal static class StoreSpans
{
    /// <summary>The source, named as the service's (<c>ImageRules</c>).</summary>
    public static ActivitySource Source { get; } = new(
        "ImageRules",
        typeof(StoreSpans).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);

    /// <summary>Starts the span of <paramref name="operation"/> (a constant, also its name), or returns null when nobody listens.</summary>
    public static Activity? Start(string system, string operation)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var span = Source.StartActivity(operation, ActivityKind.Client);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag("db.system.name", system);
            span.SetTag("db.operation.name", operation);
        }

        return span;
    }

    /// <summary>Marks <paramref name="span"/> failed with <paramref name="exception"/>; returns false, to be used in an exception filter.</summary>
    public static bool Failed(Activity? span, Exception exception)
    {
        if (span is { IsAllDataRequested: true } && exception is not OperationCanceledException)
        {
            span.SetTag("error.type", exception.GetType().FullName);
            span.SetStatus(ActivityStatusCode.Error, exception.Message);
        }

        return false;
    }
}
