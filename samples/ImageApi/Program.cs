using ImageRules.Application;
using ImageRules.AspNetCore.Authentication;
using ImageRules.Domain;
using ImageRules.Hosting;
using ImageRules.Samples.ImageApi;
using Microsoft.Extensions.Configuration.Memory;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

// A local stand-in for the provider's image API that the official SDKs drive unchanged (see the README):
//   dotnet run --project samples/ImageApi -- --urls http://127.0.0.1:9000 [--world FILE]
//       [--store sqlite:PATH | postgres:CONNECTION] [--ready-after SECONDS] [--telemetry console]
var builder = WebApplication.CreateSlimBuilder(args);
var settings = builder.Configuration;

// One log line per request, the endpoint's own (action, account, region, code, milliseconds): each entry on one line,
// and ASP.NET Core's own lines from Warning up unless configured otherwise (lowest precedence, so an argument or an
// environment variable still turns them on). Its request lines (Microsoft.AspNetCore.Hosting.Diagnostics) are off
// altogether: while that category logs anything, hosting starts an activity and a log scope for every request, which
// the endpoint's own line does not need (--Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics=Information
// turns them back on).
settings.Sources.Insert(0, new MemoryConfigurationSource
{
    InitialData = [new("Logging:LogLevel:Microsoft.AspNetCore", "Warning"), new("Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics", "None")],
});
builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
// A GET carries its parameters in the request line, up to the provider's 32 KB (API 3.0 "请求结构"); Kestrel's own
// limits (8 KB line, 32 KB of headers) would refuse the longest before the API could read them.
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Limits.MaxRequestLineSize = 40 * 1024;
    kestrel.Limits.MaxRequestHeadersTotalSize = 64 * 1024;
});
var world = settings["world"] is { Length: > 0 } path ? World.Read(path) : World.Demo;

var readyAfter = settings["ready-after"] is { } text ? ReadyAfter(text) : (TimeSpan?)null;
var images = builder.Services.AddImageRules(world.Configure).AddImageApi(o => o.ReadyAfter = readyAfter ?? o.ReadyAfter);
builder.Services.AddSingleton<IApiCredentials>(new InMemoryApiCredentials(world.ToCredentials()));
var health = builder.Services.AddHealthChecks();
switch (settings["store"]?.Split(':', 2))
{
    case ["sqlite", var file]:
        images.UseSqlite($"Data Source={file}");
        health.AddImageRulesSqlite();
        break;
    case ["postgres", var connection]:
        images.UsePostgreSql(connection);
        health.AddImageRulesPostgreSql();
        break;
    case null:
        break;
    default:
        throw new ArgumentException($"--store `{settings["store"]}` is not sqlite:PATH or postgres:CONNECTION");
}

if (settings["telemetry"] == "console")
{
    builder.Services.AddOpenTelemetry()
        // ASP.NET Core's request span is the parent of ImageRules' spans: sampled too, so theirs are recorded.
        .WithTracing(tracing => tracing.AddSource("Microsoft.AspNetCore", "ImageRules").AddConsoleExporter())
        .WithMetrics(metrics => metrics.AddMeter("ImageRules").AddConsoleExporter());
}

var app = builder.Build();
var service = app.Services.GetRequiredService<ImageService>();
await service.SeedAsync(ProviderCatalogue.Default);
foreach (var account in world.ToAccounts())
{
    await service.SaveAccountAsync(account);
}

app.MapImageApi();
app.MapHealthChecks("/healthz");
await app.RunAsync();

// A number of seconds from 0 to a day (a timer's reach, and far past the rules' transition timeout); anything else
// stops the start rather than being ignored.
static TimeSpan ReadyAfter(string text) =>
    double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
        && seconds is >= 0 and <= 86_400
        ? TimeSpan.FromSeconds(seconds)
        : throw new ArgumentException($"--ready-after `{text}` is not a number of seconds from 0 to 86400");

/// <summary>The stand-in's entry point, visible to tests that host it in process.</summary>
public partial class Program;
