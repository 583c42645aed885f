using System.Net;
using ImageRules.AspNetCore.Tests.Support;
using ImageRules.Storage.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ImageRules.Samples.Tests;

/// <summary>
/// The runnable stand-in (samples/ImageApi) in process, started with the settings <c>dotnet run -- --world FILE
/// --ready-after SECONDS</c> gives it, and driven by requests signed as the SDKs sign them. Each test starts its own.
/// </summary>
public sealed class ImageApiTests : IDisposable
{
    private const string Owner = "1038493875";
    private const string Recipient = "2000000001";
    private const string Collaborator = "3000000001";
    private const string Guangzhou = "ap-guangzhou";

    /// <summary>A world as a user writes one after world.example.json: comments, camelCase, another profile, an override.</summary>
    private const string WorldFile = """
        {
          // Provider2025: 500 images per region; and copies may cross the mainland border here.
          "profile": "Provider2025",
          "options": { "allowCopyAcrossMainlandBorder": true },
          "accounts": [
            { "id": "1038493875", "homeRegion": "ap-guangzhou", "root": true,
              "credentials": [ { "secretId": "AKIDworldOwner0001", "secretKey": "world-owner-secret" },
                               { "secretId": "AKIDworldOwner0002", "secretKey": "world-owner-secret-2" } ] },
            { "id": "2000000001", "homeRegion": "ap-guangzhou", "root": true,
              "credentials": [ { "secretId": "AKIDworldRecipient01", "secretKey": "world-recipient-secret" } ] },
            { "id": "3000000001", "homeRegion": "ap-guangzhou", "root": false,
              "credentials": [ { "secretId": "AKIDworldCollaborator1", "secretKey": "world-collaborator-secret" } ] },
          ],
        }
        """;

    private readonly List<string> files = [];
    private readonly List<IDisposable> hosts = [];

    public void Dispose()
    {
        foreach (var host in hosts)
        {
            host.Dispose();
        }

        foreach (var file in files)
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task without_a_world_it_starts_with_the_demo_world_and_answers_the_demo_keys()
    {
        var client = StandIn();

        var publicImages = await client.CallAsync("DescribeImages", """{"Filters":[{"Name":"image-type","Values":["PUBLIC_IMAGE"]}],"Limit":100}""", Demo(Owner));

        Assert.Equal(9, publicImages.AssertSuccess().GetProperty("TotalCount").GetInt32());
        foreach (var account in new[] { Owner, Recipient, "2000000002", Collaborator })
        {
            (await client.CallAsync("DescribeImageQuota", "{}", Demo(account))).AssertSuccess();
        }

        (await client.CallAsync("DescribeImageQuota", "{}", Demo("4000000001"), "ap-singapore")).AssertSuccess();
        (await client.CallAsync("DescribeImageQuota", "{}", ("AKIDdemo1038493875", "demo-secret-2000000001"))).AssertError("AuthFailure.SignatureFailure");
    }

    [Fact]
    public async Task a_world_file_sets_the_profile_its_override_and_the_accounts_with_their_keys()
    {
        var client = StandIn(("world", World(WorldFile)), ("ready-after", "0"));
        var owner = ("AKIDworldOwner0001", "world-owner-secret");

        var quota = await client.CallAsync("DescribeImageQuota", "{}", owner);
        var secondKey = await client.CallAsync("DescribeImageQuota", "{}", ("AKIDworldOwner0002", "world-owner-secret-2"));
        var demoKey = await client.CallAsync("DescribeImageQuota", "{}", Demo(Owner));

        Assert.Equal(500, quota.AssertSuccess().GetProperty("ImageNumQuota").GetInt32());
        secondKey.AssertSuccess();
        demoKey.AssertError("AuthFailure.SecretIdNotFound");

        var image = await client.CreateReadyImageAsync(owner);
        (await client.CallAsync("ModifyImageSharePermission", Share(image, Collaborator), owner)).AssertError("FailedOperation.NotMasterAccount");
        (await client.CallAsync("ModifyImageSharePermission", Share(image, Recipient), owner)).AssertSuccess();
        (await client.CallAsync("DescribeImages", $$"""{"ImageIds":["{{image}}"]}""", ("AKIDworldRecipient01", "world-recipient-secret"))).AssertSuccess();
        (await client.CallAsync("SyncImages", $$"""{"ImageIds":["{{image}}"],"DestinationRegions":["ap-hongkong"]}""", owner)).AssertSuccess();
    }

    [Fact]
    public async Task the_example_world_file_starts_the_stand_in_with_its_documented_keys()
    {
        var example = Path.Combine(AppContext.BaseDirectory, "world.example.json");
        var client = StandIn(("world", example));

        var answer = await client.CallAsync("DescribeImageQuota", "{}", ("AKIDexampleOwner1038493875", "example-owner-secret"));

        Assert.Equal(10, answer.AssertSuccess().GetProperty("ImageNumQuota").GetInt32());
        (await client.CallAsync("DescribeImageQuota", "{}", ("AKIDexampleCollaborator3000000001", "example-collaborator-secret"))).AssertSuccess();
    }

    [Theory]
    [InlineData("""{"profile":"Seed"}""", "accounts")]
    [InlineData("""{"profile":"Seed","accounts":[{"id":"1038493875","homeRegion":"ap-guangzhou","root":true}]}""", "credentials")]
    [InlineData("""{"profile":"Seed","accounts":[{"id":"10384-93875","homeRegion":"ap-guangzhou","root":true,"credentials":[]}]}""", "10384-93875")]
    [InlineData("""{"profile":"Seed","accounts":[{"id":"1038493875","homeRegion":"Guangzhou","root":true,"credentials":[]}]}""", "Guangzhou")]
    [InlineData("""{"profile":"Seed","accounts":[{"id":"1038493875","homeRegion":"ap-guangzhou","root":true,"credentials":[{"secretId":"AKID1"}]}]}""", "secretKey")]
    [InlineData("""{"profile":"Seed","accounts":[{"id":"1","homeRegion":"ap-guangzhou","root":true,"credentials":[{"secretId":"AKID1","secretKey":"k"}]},{"id":"2","homeRegion":"ap-guangzhou","root":true,"credentials":[{"secretId":"AKID1","secretKey":"k"}]}]}""", "given twice")]
    [InlineData("""{"profile":"Seed2030","accounts":[]}""", "$.profile")]
    [InlineData("""{"profile":""", "not a world")]
    public void a_world_file_that_is_not_a_world_stops_the_start_saying_what_is_wrong(string world, string named)
    {
        var path = World(world);

        var thrown = Assert.ThrowsAny<Exception>(() => StandIn(("world", path)));

        var refusal = Cause<InvalidDataException>(thrown);
        Assert.Contains(path, refusal.Message, StringComparison.Ordinal);
        Assert.Contains(named, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ready_after_sets_how_long_the_platform_takes_on_the_hosts_clock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var client = StandIn(clock, ("ready-after", "30"));
        var owner = Demo(Owner);

        var created = await client.CallAsync("CreateImage", """{"ImageName":"web-server","InstanceId":"ins-2zvx0a1b"}""", owner);
        var image = created.AssertSuccess().GetProperty("ImageId").GetString()!;
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal("CREATING", await client.StateAsync(image, owner));
        clock.Advance(TimeSpan.FromSeconds(1));

        await client.WaitForStateAsync(image, "NORMAL", owner);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("NaN")]
    [InlineData("1e9")]
    public void a_ready_after_that_is_not_a_number_of_seconds_stops_the_start(string value)
    {
        var thrown = Assert.ThrowsAny<Exception>(() => StandIn(("ready-after", value)));

        Assert.Contains($"--ready-after `{value}`", Cause<ArgumentException>(thrown).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_sqlite_store_keeps_the_world_across_a_restart()
    {
        var settings = Sqlite();
        var first = StandIn(settings);
        var image = await first.CreateReadyImageAsync(Demo(Owner));
        (await first.CallAsync("ModifyImageSharePermission", Share(image, Recipient), Demo(Owner))).AssertSuccess();
        first.Dispose();

        var second = StandIn(settings);

        Assert.Equal("NORMAL", await second.StateAsync(image, Demo(Owner)));
        Assert.Equal("NORMAL", await second.StateAsync(image, Demo(Recipient)));
    }

    [Fact]
    public async Task healthz_checks_the_sqlite_store()
    {
        var client = StandIn(Sqlite());

        using var response = await client.Http.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [PrivateServerFact]
    public async Task healthz_answers_Unhealthy_while_postgresql_is_stopped_and_Healthy_at_the_first_request_after_it_is_back()
    {
        await using var server = await PrivateServer.StartAsync();
        var client = StandIn(("store", $"postgres:{server.ConnectionString}"));
        var healthz = new Uri("/healthz", UriKind.Relative);
        Assert.Equal("Healthy", await client.Http.GetStringAsync(healthz));

        await server.StopAsync();
        using var stopped = await client.Http.GetAsync(healthz);
        await server.StartAgainAsync();
        using var back = await client.Http.GetAsync(healthz);

        // Each request to /healthz runs the check: the interval is one request, with no cached answer.
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (stopped.StatusCode, await stopped.Content.ReadAsStringAsync()));
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (back.StatusCode, await back.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task healthz_answers_Healthy_with_the_in_memory_store()
    {
        var client = StandIn();

        using var response = await client.Http.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    /// <summary>The settings of <c>--store sqlite:PATH</c> over a new temporary file, images completed at once.</summary>
    private (string, string)[] Sqlite()
    {
        var database = Temp(".db");
        files.AddRange([database + "-wal", database + "-shm"]);
        return [("store", $"sqlite:{database}"), ("ready-after", "0")];
    }

    private static (string SecretId, string SecretKey) Demo(string account) => ($"AKIDdemo{account}", $"demo-secret-{account}");

    private static string Share(string image, string account) =>
        $$"""{"ImageId":"{{image}}","AccountIds":["{{account}}"],"Permission":"SHARE"}""";

    /// <summary>The cause of type <typeparamref name="T"/>, however deep the host's start wrapped it.</summary>
    private static T Cause<T>(Exception thrown)
        where T : Exception
    {
        for (var cause = thrown; cause is not null; cause = cause.InnerException)
        {
            if (cause is T found)
            {
                return found;
            }
        }

        Assert.Fail($"no {typeof(T).Name} caused {thrown}");
        return null!;
    }

    private string World(string json)
    {
        var path = Temp(".json");
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>A temporary file's path, deleted when the test ends.</summary>
    private string Temp(string extension)
    {
        var path = Path.Combine(Path.GetTempPath(), $"imagerules-standin-{Guid.NewGuid():N}{extension}");
        files.Add(path);
        return path;
    }

    private StandInClient StandIn(params (string Key, string Value)[] settings) => StandIn(null, settings);

    /// <summary>Starts the stand-in with <paramref name="settings"/> as <c>--key value</c> arguments, on <paramref name="clock"/> when given.</summary>
    private StandInClient StandIn(TimeProvider? clock, params (string Key, string Value)[] settings)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            foreach (var (key, value) in settings)
            {
                host.UseSetting(key, value);
            }

            if (clock is not null)
            {
                host.ConfigureTestServices(services => services.AddSingleton(clock));
            }
        });
        HttpClient http;
        try
        {
            http = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://127.0.0.1:8080/") });
        }
        catch
        {
            factory.Dispose();
            throw;
        }

        var client = new StandInClient(factory, http, clock ?? TimeProvider.System);
        hosts.Add(client);
        return client;
    }

    /// <summary>Calls the stand-in as the SDKs do: TC3-signed with a key at the clock's time. Disposing it stops the stand-in.</summary>
    private sealed class StandInClient(WebApplicationFactory<Program> factory, HttpClient http, TimeProvider clock) : IDisposable
    {
        public HttpClient Http => http;

        public void Dispose()
        {
            http.Dispose();
            factory.Dispose();
        }

        public async Task<ApiAnswer> CallAsync(string action, string body, (string SecretId, string SecretKey) key, string region = Guangzhou)
        {
            var request = new TestRequest
            {
                Body = body,
                Timestamp = clock.GetUtcNow().ToUnixTimeSeconds(),
                SigningSecretId = key.SecretId,
                SigningSecretKey = key.SecretKey,
                OtherHeaders = new Dictionary<string, string> { ["X-TC-Action"] = action, ["X-TC-Version"] = "2017-03-12", ["X-TC-Region"] = region },
            };
            using var message = request.ToMessage();
            using var response = await http.SendAsync(message);
            return await ApiAnswer.ReadAsync(response);
        }

        public async Task<string?> StateAsync(string image, (string, string) key)
        {
            var found = (await CallAsync("DescribeImages", $$"""{"ImageIds":["{{image}}"]}""", key)).AssertSuccess().GetProperty("ImageSet");
            return found.GetArrayLength() == 0 ? null : found[0].GetProperty("ImageState").GetString();
        }

        public async Task WaitForStateAsync(string image, string state, (string, string) key)
        {
            for (var attempt = 0; attempt < 200 && await StateAsync(image, key) != state; attempt++)
            {
                await Task.Delay(10);
            }

            Assert.Equal(state, await StateAsync(image, key));
        }

        public async Task<string> CreateReadyImageAsync((string, string) key)
        {
            var created = await CallAsync("CreateImage", """{"ImageName":"web-server","InstanceId":"ins-2zvx0a1b"}""", key);
            var image = created.AssertSuccess().GetProperty("ImageId").GetString()!;
            await WaitForStateAsync(image, "NORMAL", key);
            return image;
        }
    }
}
