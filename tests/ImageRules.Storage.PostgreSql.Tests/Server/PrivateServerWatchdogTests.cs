using System.Diagnostics;
using ImageRules.Storage.Tests.Support;
using Npgsql;

namespace ImageRules.Storage.Tests.PostgreSql;

/// <summary>A private server outlives no test process: its watchdog stops it and deletes its folder once the process is gone, however it ended.</summary>
public class PrivateServerWatchdogTests
{
    [PrivateServerFact]
    public async Task A_private_server_whose_test_process_is_killed_is_stopped_by_its_watchdog()
    {
        await using var server = await PrivateServer.StartAsync();
        using var process = Process.Start("sleep", "60");
        server.Watch(process.Id);

        process.Kill();
        var refused = false;
        for (var attempt = 0; attempt < 60 && !refused; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(0.5));
            refused = !await AcceptsAsync(server.ConnectionString);
        }

        Assert.True(refused, "the server still accepts connections 30 s after its test process was killed");
    }

    private static async Task<bool> AcceptsAsync(string connectionString)
    {
        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
            await connection.OpenAsync();
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }
}
