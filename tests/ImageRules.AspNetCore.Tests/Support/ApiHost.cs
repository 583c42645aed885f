using System.Text.Json;
using ImageRules.Application;
using ImageRules.AspNetCore.Authentication;
using ImageRules.AspNetCore.Lifecycle;
using ImageRules.Domain;
using ImageRules.Hosting;
using ImageRules.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ImageRules.AspNetCore.Tests.Support;

/// <summary>
/// A minimal app serving the image API in process (an ASP.NET Core TestServer): <c>AddImageRules().AddImageApi()</c>
/// and <c>MapImageApi()</c> over the provider's catalogue and four accounts, three of them with keys, one
/// <see cref="FakeTimeProvider"/> that drives both the platform's lifecycle and the requests' timestamps, and a log
/// collector. Requests are signed by <see cref="ReferenceSigner"/> as the Node SDK signs them.
/// </summary>
internal sealed class ApiHost : IAsyncDisposable
{
    public const string Guangzhou = "ap-guangzhou";
    public const string Shanghai = "ap-shanghai";
    public const string HongKong = "ap-hongkong";
    public const string Singapore = "ap-singapore";

    /// <summary>Images whose name holds this text end failed (<see cref="ImageApiOptions.FailImagesNamedWith"/>).</summary>
    public const string Doomed = "doomed";

    /// <summary>A root account of Guangzhou that holds no key: it only receives shares.</summary>
    public const string Bystander = "2000000002";

    /// <summary>A collaborator (sub-)account of Guangzhou, with no key.</summary>
    public const string Collaborator = "3000000001";

    /// <summary>An instance id of the right form.</summary>
    public const string Instance = "ins-2zvx0a1b";

    /// <summary>How long the platform takes to produce an image here.</summary>
    public static readonly TimeSpan ReadyAfter = TimeSpan.FromSeconds(10);

    /// <summary>A root account of Guangzhou: the owner in most tests.</summary>
    public static readonly ApiCredential Owner = new("AKIDimagerulesOWNER000001", "imagerules-owner-secret-01", new AccountId("1038493875"));

    /// <summary>A root account of Guangzhou: the share recipient in most tests.</summary>
    public static readonly ApiCredential Recipient = new("AKIDimagerulesRECIPIENT01", "imagerules-recipient-secret", new AccountId("2000000001"));

    /// <summary>A root account of Singapore.</summary>
    public static readonly ApiCredential Abroad = new("AKIDimagerulesABROAD00001", "imagerules-abroad-secret-01", new AccountId("4000000001"));

    /// <summary>A key of an account the store does not hold (the host's credentials and accounts disagree).</summary>
    public static readonly ApiCredential Stranger = new("AKIDimagerulesSTRANGER01", "imagerules-stranger-secret", new AccountId("5000000001"));

    private readonly WebApplication app;
    private readonly HttpClient client;

    private ApiHost(WebApplication app, FakeTimeProvider clock)
    {
        this.app = app;
        Clock = clock;
        client = app.GetTestClient();
        client.BaseAddress = new Uri("http://127.0.0.1:8080/");
    }

    /// <summary>The clock of the lifecycle, the rules and the signatures: 2026-01-01T00:00:00Z until advanced.</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>What the app logged.</summary>
    public FakeLogCollector Logs => app.Services.GetFakeLogCollector();

    /// <summary>The app's services.</summary>
    public IServiceProvider Services => app.Services;

    /// <summary>The platform's lifecycle, to check what it still waits for.</summary>
    public ImageLifecycle Lifecycle => app.Services.GetRequiredService<ImageLifecycle>();

    /// <summary>The service behind the API, to check what a call changed.</summary>
    public ImageService Images => app.Services.GetRequiredService<ImageService>();

    /// <summary>Starts the app; <paramref name="configuration"/> is the host's configuration (such as <c>ImageRules:Api:…</c>).</summary>
    public static async Task<ApiHost> StartAsync(
        Action<ImageRulesOptions>? rules = null, Action<ImageApiOptions>? api = null, IReadOnlyDictionary<string, string?>? configuration = null, bool addImageApiTwice = false)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(TestRequest.Now));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(configuration ?? new Dictionary<string, string?>());
        builder.Logging.ClearProviders().AddFakeLogging().SetMinimumLevel(LogLevel.Information);
        builder.Services
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<IApiCredentials>(new InMemoryApiCredentials([Owner, Recipient, Abroad, Stranger]))
            .AddImageRules(rules)
            .AddImageApi(o =>
            {
                o.ReadyAfter = configuration?.ContainsKey("ImageRules:Api:ReadyAfter") == true ? o.ReadyAfter : ReadyAfter;
                o.FailImagesNamedWith = Doomed;
                api?.Invoke(o);
            });
        if (addImageApiTwice)
        {
            builder.Services.AddImageRules().AddImageApi();
        }

        var app = builder.Build();
        app.MapImageApi();
        var images = app.Services.GetRequiredService<ImageService>();
        await images.SeedAsync(ProviderCatalogue.Default);
        Account[] accounts =
        [
            new(Owner.Account, new RegionId(Guangzhou)),
            new(Recipient.Account, new RegionId(Guangzhou)),
            new(new AccountId(Bystander), new RegionId(Guangzhou)),
            new(new AccountId(Collaborator), new RegionId(Guangzhou), AccountKind.Collaborator),
            new(Abroad.Account, new RegionId(Singapore)),
        ];
        foreach (var account in accounts)
        {
            await images.SaveAccountAsync(account);
        }

        await app.StartAsync();
        return new ApiHost(app, clock);
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
    }

    /// <summary>The current time of <see cref="Clock"/> in Unix seconds, as an SDK stamps <c>X-TC-Timestamp</c>.</summary>
    public long Now => Clock.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>A request as the SDK builds it: signed with <paramref name="key"/> now, the version and (unless null) the region set.</summary>
    public TestRequest Request(string action, string body, ApiCredential? key = null, string? region = Guangzhou)
    {
        key ??= Owner;
        var headers = new Dictionary<string, string> { ["X-TC-Action"] = action, ["X-TC-Version"] = "2017-03-12" };
        if (region is not null)
        {
            headers["X-TC-Region"] = region;
        }

        return new TestRequest
        {
            Body = body,
            Timestamp = Now,
            SigningSecretId = key.SecretId,
            SigningSecretKey = key.SecretKey,
            OtherHeaders = headers,
        };
    }

    public Task<ApiAnswer> CallAsync(string action, string body, ApiCredential? key = null, string? region = Guangzhou) =>
        SendAsync(Request(action, body, key, region));

    /// <summary>Sends <paramref name="request"/> as laid out, its headers and body byte for byte.</summary>
    public async Task<ApiAnswer> SendAsync(TestRequest request)
    {
        using var message = ToMessage(request);
        return await SendAsync(message);
    }

    /// <summary>The HTTP message of <paramref name="request"/>; see <see cref="TestRequest.ToMessage"/>.</summary>
    public static HttpRequestMessage ToMessage(TestRequest request, byte[]? body = null) => request.ToMessage(body);

    /// <summary>Sends any message; the answer must be HTTP 200 with the JSON envelope.</summary>
    public async Task<ApiAnswer> SendAsync(HttpRequestMessage message)
    {
        using var response = await client.SendAsync(message);
        return await ApiAnswer.ReadAsync(response);
    }

    /// <summary>Creates an image from <see cref="Instance"/>; it starts <c>CREATING</c>.</summary>
    public async Task<string> CreateImageAsync(string name, ApiCredential? key = null, string region = Guangzhou)
    {
        var answer = await CallAsync("CreateImage", Json(new { ImageName = name, InstanceId = Instance }), key, region);
        return answer.String("ImageId");
    }

    /// <summary>Creates an image and lets the platform complete it: <c>NORMAL</c>.</summary>
    public async Task<string> CreateReadyImageAsync(string name, ApiCredential? key = null, string region = Guangzhou)
    {
        var id = await CreateImageAsync(name, key, region);
        await AdvanceAsync(ReadyAfter);
        await WaitForStateAsync(id, "NORMAL", key, region);
        return id;
    }

    /// <summary>Creates an image, lets the platform complete it and shares it with <see cref="Recipient"/>.</summary>
    public async Task<string> CreateSharedImageAsync(string name)
    {
        var id = await CreateReadyImageAsync(name);
        (await CallAsync("ModifyImageSharePermission", Json(new { ImageId = id, AccountIds = new[] { Recipient.Account.Value }, Permission = "SHARE" }))).AssertSuccess();
        return id;
    }

    /// <summary>The image as DescribeImages shows it to <paramref name="key"/> in <paramref name="region"/>, or null when hidden.</summary>
    public async Task<JsonElement?> DescribeAsync(string imageId, ApiCredential? key = null, string region = Guangzhou)
    {
        var set = (await CallAsync("DescribeImages", Json(new { ImageIds = new[] { imageId } }), key, region)).AssertSuccess().GetProperty("ImageSet");
        return set.GetArrayLength() == 0 ? null : Assert.Single(set.EnumerateArray());
    }

    /// <summary>Moves the clock on; the platform's timers due by then fire.</summary>
    public Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Waits (in real time, briefly) until the image shows <paramref name="state"/>: the platform completes images on a
    /// timer callback, which may finish after the clock was advanced.
    /// </summary>
    public async Task<JsonElement> WaitForStateAsync(string imageId, string state, ApiCredential? key = null, string region = Guangzhou)
    {
        JsonElement? image = null;
        for (var attempt = 0; attempt < 200; attempt++)
        {
            image = await DescribeAsync(imageId, key, region);
            if (image?.GetProperty("ImageState").GetString() == state)
            {
                return image.Value;
            }

            await Task.Delay(10);
        }

        Assert.Fail($"image {imageId} is not {state}: {image}");
        return default;
    }

    /// <summary>A JSON body as the SDK serialises its request object.</summary>
    public static string Json(object body) => JsonSerializer.Serialize(body);
}
