using System.Diagnostics;
using System.Reflection;

namespace ImageRules.Storage.Tests.Sqlite;

/// <summary>
/// The ImageRules.Storage.Writer program running as a separate process: a second service instance, or one to kill.
/// Every line it printed (each one an acknowledged write) is collected, including those still in the pipe when it died.
/// </summary>
internal sealed class WriterProcess : IDisposable
{
    private static readonly string Program = typeof(WriterProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "WriterAssembly").Value!;

    private readonly Process process;
    private readonly List<string> lines = [];
    private readonly List<string> errors = [];

    private WriterProcess(Process process) => this.process = process;

    /// <summary>Every line printed so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (lines)
            {
                return [.. lines];
            }
        }
    }

    public static WriterProcess Start(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Program);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var writer = new WriterProcess(new Process { StartInfo = start });
        writer.process.OutputDataReceived += (_, e) => Collect(writer.lines, e.Data);
        writer.process.ErrorDataReceived += (_, e) => Collect(writer.errors, e.Data);
        writer.process.Start();
        writer.process.BeginOutputReadLine();
        writer.process.BeginErrorReadLine();
        return writer;
    }

    /// <summary>Waits until <paramref name="count"/> lines start with <paramref name="prefix"/>.</summary>
    public async Task WaitForAsync(string prefix, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Lines.Count(l => l.StartsWith(prefix, StringComparison.Ordinal)) < count)
        {
            Assert.False(process.HasExited, $"the writer exited early: {Errors()}");
            Assert.True(DateTime.UtcNow < deadline, $"the writer printed too little in {timeout}: {Lines.Count} lines, first {string.Join('\n', Lines.Take(3))}\nlast {string.Join('\n', Lines.TakeLast(3))}\n{Errors()}");
            await Task.Delay(10);
        }
    }

    /// <summary>Kills the process without warning, then returns every line it printed.</summary>
    public IReadOnlyList<string> Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit(); // also waits until the pipes are drained
        return Lines;
    }

    /// <summary>Waits for the process to finish on its own and returns every line it printed.</summary>
    public async Task<IReadOnlyList<string>> FinishAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"the writer failed ({process.ExitCode}): {Errors()}");
        return Lines;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    private static void Collect(List<string> into, string? line)
    {
        if (line is not null)
        {
            lock (into)
            {
                into.Add(line);
            }
        }
    }

    private string Errors()
    {
        lock (errors)
        {
            return string.Join('\n', errors);
        }
    }
}
