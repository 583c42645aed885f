using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ImageRules.Application;
using ImageRules.AspNetCore.Authentication;
using ImageRules.Domain;
using ImageRules.Hosting;
using ImageRules.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ImageRules.Benchmarks;

/// <summary>
/// One DescribeImages request of the stand-in throughput benchmark (a 20-image page of <c>PRIVATE_IMAGE</c>, the
/// TC3-HMAC-SHA256 signature verified), driven in process through the very handler <c>MapImageApi()</c> maps, on a
/// fresh <see cref="DefaultHttpContext"/> with the body: what one request costs the package, without sockets or Kestrel.
/// </summary>
/// <remarks>
/// The floor writes the same answer bytes, fixed, to the same kind of context: the least a server answering this
/// request can do. The clock is frozen at the signature's time, so the one signed request stays fresh for the whole
/// run (images still become <c>NORMAL</c>: their timers run in real time). Setup checks the answer is the 20-image page.
/// </remarks>
[MemoryDiagnoser]
[MedianColumn]
public class DescribeImagesEndpointBenchmarks
{
    private const string SecretId = "AKIDbenchmark1038493875";
    private const string SecretKey = "benchmark-secret";
    private static readonly AccountId Owner = new("1038493875");
    private static readonly byte[] Body = """{"Filters":[{"Name":"image-type","Values":["PRIVATE_IMAGE"]}],"Limit":20}"""u8.ToArray();

    private WebApplication app = null!;
    private RequestDelegate endpoint = null!;
    private HeaderDictionary headers = null!;
    private byte[] answer = [];

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services
            .AddSingleton<TimeProvider>(new FrozenClock(now))
            .AddSingleton<IApiCredentials>(new InMemoryApiCredentials([new ApiCredential(SecretId, SecretKey, Owner)]))
            .AddImageRules(o => o.Profile = ImageRulesProfile.Provider2025)
            .AddImageApi(o => o.ReadyAfter = TimeSpan.Zero);
        app = builder.Build();
        app.MapImageApi();
        endpoint = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().Single().RequestDelegate!;

        var images = app.Services.GetRequiredService<ImageService>();
        await images.SeedAsync(ProviderCatalogue.Default);
        await images.SaveAccountAsync(new Account(Owner, new RegionId("ap-guangzhou")));
        for (var i = 0; i < 20; i++)
        {
            var created = await images.CreateImageAsync(new CreateImage(Owner, new RegionId("ap-guangzhou"), new InstanceId("ins-2zvx0a1b"), $"image-{i}", string.Empty));
            if (!created.IsSuccess) throw new InvalidOperationException(created.Failure!.ToString());
        }

        headers = Signed(now.ToUnixTimeSeconds());
        await Task.Delay(500); // the images' timers (ReadyAfter 0) make them NORMAL
        var context = Context(new MemoryStream());
        await endpoint(context);
        answer = ((MemoryStream)context.Response.Body).ToArray();
        using var page = JsonDocument.Parse(answer);
        var response = page.RootElement.GetProperty("Response");
        if (response.TryGetProperty("Error", out var error) || response.GetProperty("ImageSet").GetArrayLength() != 20)
        {
            throw new InvalidOperationException($"the endpoint did not answer a 20-image page: {Encoding.UTF8.GetString(answer)}");
        }
    }

    [GlobalCleanup]
    public async Task CleanUpAsync() => await app.DisposeAsync();

    /// <summary>The same answer's bytes written to the response, nothing decided.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> Floor()
    {
        var context = Context(Stream.Null);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(answer);
        return context.Response.StatusCode;
    }

    /// <summary>The request through <c>MapImageApi()</c>'s handler: read, authenticate, decide, answer.</summary>
    [Benchmark]
    public async Task<int> Endpoint()
    {
        var context = Context(Stream.Null);
        await endpoint(context);
        return context.Response.StatusCode;
    }

    private DefaultHttpContext Context(Stream response)
    {
        var context = new DefaultHttpContext { RequestServices = app.Services };
        context.Request.Method = HttpMethods.Post;
        context.Request.Path = "/";
        foreach (var (name, value) in headers) context.Request.Headers[name] = value;
        context.Request.ContentLength = Body.Length;
        context.Request.Body = new MemoryStream(Body, writable: false);
        context.Response.Body = response;
        return context;
    }

    // Signed as the Node SDK signs for endpoint 127.0.0.1:8080 (service "127", the hostname signed without its port).
    private static HeaderDictionary Signed(long timestamp)
    {
        var date = DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var canonical = $"POST\n/\n\ncontent-type:application/json\nhost:127.0.0.1\n\ncontent-type;host\n{Convert.ToHexStringLower(SHA256.HashData(Body))}";
        var toSign = $"TC3-HMAC-SHA256\n{timestamp}\n{date}/127/tc3_request\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = Encoding.UTF8.GetBytes("TC3" + SecretKey);
        foreach (var part in new[] { date, "127", "tc3_request" }) key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(toSign)));
        return new HeaderDictionary
        {
            ["Host"] = "127.0.0.1:8080", ["Content-Type"] = "application/json", ["X-TC-Action"] = "DescribeImages",
            ["X-TC-Version"] = "2017-03-12", ["X-TC-Region"] = "ap-guangzhou", ["X-TC-Timestamp"] = timestamp.ToString(CultureInfo.InvariantCulture),
            ["Authorization"] = $"TC3-HMAC-SHA256 Credential={SecretId}/{date}/127/tc3_request, SignedHeaders=content-type;host, Signature={signature}",
        };
    }

    /// <summary>A clock stopped at one instant; timers still run in real time.</summary>
    private sealed class FrozenClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
