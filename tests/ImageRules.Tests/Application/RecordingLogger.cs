using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ImageRules.Tests.Application;

/// <summary>Keeps every log line written to it, with its level, event id and exception. Thread-safe.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<(LogLevel Level, EventId EventId, string Message, Exception? Exception)> entries = new();

    /// <summary>Every line logged so far, in order.</summary>
    public IReadOnlyList<(LogLevel Level, EventId EventId, string Message, Exception? Exception)> Entries => [.. entries];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        entries.Enqueue((logLevel, eventId, formatter(state, exception), exception));
    }
}
