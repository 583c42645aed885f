using System.Diagnostics;
using Npgsql;

namespace ImageRules.Storage.Tests.Support;

/// <summary>
/// A PostgreSQL server of the test's own, which it may stop, restart or crash without disturbing any other test: a
/// new cluster (<c>initdb</c>) in a temporary folder, listening on a free loopback port, run by <c>pg_ctl</c> from
/// the newest <c>/usr/lib/postgresql/*/bin</c> (as the <c>postgres</c> user through <c>runuser</c> when the tests
/// run as root, which PostgreSQL refuses). Tests that need one use <see cref="PrivateServerFactAttribute"/>, which skips
/// them, saying why, when the binaries are absent (<c>.ci/postgres.sh</c> installs them in CI).
/// </summary>
/// <remarks>
/// Disposing it stops the server at once (<c>-m immediate</c>) and deletes its folder. So does a watchdog of its own
/// (see <see cref="Watch"/>) once the test process is gone, so a killed test run leaves no server behind.
/// </remarks>
public sealed class PrivateServer : IAsyncDisposable
{
    private readonly string folder;
    private readonly int port;

    private PrivateServer(string folder, int port)
    {
        this.folder = folder;
        this.port = port;
    }

    /// <summary>The folder of <c>pg_ctl</c> and <c>initdb</c>, or null when PostgreSQL is not installed.</summary>
    public static string? Binaries { get; } = FindBinaries();

    /// <summary>Why tests of a private server cannot run here, or null when they can.</summary>
    public static string? SkipReason => Binaries is not null ? null
        : "a private PostgreSQL server needs its binaries in /usr/lib/postgresql/*/bin (install the distribution's postgresql package, as .ci/postgres.sh does)";

    /// <summary>How a host reaches the server's <c>postgres</c> database.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = port,
        Username = "postgres",
        Database = "postgres",
        Timeout = 5,
    }.ToString();

    /// <summary>A new cluster, started and accepting connections.</summary>
    public static async Task<PrivateServer> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("imagerules-private-pg-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            // The server's user must reach its cluster inside the folder (rwxr-xr-x).
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        }

        var server = new PrivateServer(folder, Ports.Unused());
        try
        {
            if (Environment.UserName == "root")
            {
                await RunAsync("chown", "postgres:", folder);
            }

            await AsOwnerAsync("initdb", "-D", server.Data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync");
            server.Watch(Environment.ProcessId);
            await server.StartAgainAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private string Data => Path.Combine(folder, "data");

    /// <summary>
    /// Starts a watchdog, a shell in a session of its own (<c>setsid</c>), so it outlives <paramref name="process"/>
    /// however that ends, even killed with its process group: once <paramref name="process"/> is gone it stops the
    /// server at once and deletes the folder (harmlessly again when the server was disposed). Not on Windows.
    /// </summary>
    internal void Watch(int process)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        const string Script = """
            exec >/dev/null 2>&1 </dev/null
            process=$1 folder=$2; shift 2
            while kill -0 "$process"; do sleep 1; done
            "$@"
            rm -rf "$folder"
            """;
        var stop = OwnerCommand("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
        using var watchdog = Process.Start("setsid", ["sh", "-c", Script, "private-pg-watchdog", process.ToString(System.Globalization.CultureInfo.InvariantCulture), folder, stop.Program, .. stop.Arguments]);
    }

    /// <summary>Starts the server again after <see cref="StopAsync"/>, waiting until it accepts connections.</summary>
    public Task StartAgainAsync() => AsOwnerAsync(
        "pg_ctl", "-D", Data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60",
        "-o", $"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={folder} -c max_connections=100",
        "start");

    /// <summary>Stops the server: <c>fast</c> ends every session (57P01) and shuts down cleanly; <c>immediate</c> is a crash.</summary>
    public Task StopAsync(string mode = "fast") => AsOwnerAsync("pg_ctl", "-D", Data, "-m", mode, "-w", "stop");

    /// <summary>Restarts the server (<c>pg_ctl restart</c>), ending every session, and waits until it accepts connections again.</summary>
    public Task RestartAsync(string mode = "fast") => AsOwnerAsync(
        "pg_ctl", "-D", Data, "-l", Path.Combine(folder, "server.log"), "-m", mode, "-w", "-t", "60",
        "-o", $"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={folder} -c max_connections=100",
        "restart");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await AsOwnerAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // Not running (never started, or stopped by the test).
        }

        // A watchdog may be deleting the folder at the same moment: what it removes first is not an error.
        for (var attempt = 1; Directory.Exists(folder); attempt++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }

    private static Task AsOwnerAsync(string program, params string[] arguments)
    {
        var (path, all) = OwnerCommand(program, arguments);
        return RunAsync(path, all);
    }

    /// <summary>The command running one of the server's programs as the cluster's owner (<c>postgres</c> through <c>runuser</c> when root).</summary>
    private static (string Program, string[] Arguments) OwnerCommand(string program, params string[] arguments)
    {
        var path = Path.Combine(Binaries!, program);
        return Environment.UserName == "root" ? ("runuser", ["-u", "postgres", "--", path, .. arguments]) : (path, arguments);
    }

    /// <summary>Runs a program to its end.</summary>
    /// <exception cref="InvalidOperationException">It failed; the message holds its output and the server's log.</exception>
    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{program} {string.Join(' ', arguments)}` exited with {process.ExitCode}: {await output}{await error}");
        }
    }

    private static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.EnumerateDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "pg_ctl")) && File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
}
