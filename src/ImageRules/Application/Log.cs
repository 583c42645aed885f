using ImageRules.Policy;
using Microsoft.Extensions.Logging;

namespace ImageRules.Application;

/// <summary>The service's log lines, source-generated, with stable event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "{Operation} gave up after {Attempts} attempts lost to concurrent writers")]
    public static partial void GaveUp(ILogger logger, ImageOperation operation, int attempts);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "observer {Observer} failed on {Event}; the change is saved")]
    public static partial void ObserverFailed(ILogger logger, Exception exception, string observer, string @event);
}
