using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ImageRules.AspNetCore.Lifecycle;
using ImageRules.AspNetCore.Wire;
using ImageRules.Domain;
using ImageRules.Policy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Image = ImageRules.Domain.Image;

namespace ImageRules.AspNetCore.Tests.Wire;

public sealed class WireImagesTest
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Set_AnImage_WritesTheSdkNamesCasingAndOrderInTheEnvelope()
    {
        using var lifecycle = Lifecycle(TimeSpan.FromMinutes(10));
        var copying = new Image
        {
            Id = new ImageId("img-9qabwvbn"),
            Owner = new AccountId("100000000001"),
            Region = new RegionId("ap-guangzhou"),
            Name = "web",
            Description = "the web tier",
            OperatingSystem = new ImageOperatingSystem(OsFamily.Linux, "TencentOS", "TencentOS Server 3.1 (TK4)"),
            Architecture = Architecture.Arm64,
            SizeGiB = 50,
            State = ImageState.Syncing,
            Source = ImageSource.Copied,
            CreatedAt = Now - TimeSpan.FromMinutes(2.5) + TimeSpan.FromMilliseconds(512),
        };

        Assert.Equal(
            """
            {"Response":{"ImageSet":[{"ImageId":"img-9qabwvbn","OsName":"TencentOS Server 3.1 (TK4)","ImageType":"SHARED_IMAGE","CreatedTime":"2026-12-02T11:57:30Z","ImageName":"web","ImageDescription":"the web tier","ImageSize":50,"Architecture":"arm","ImageState":"SYNCING","Platform":"TencentOS","ImageCreator":"100000000001","ImageSource":"CREATE_IMAGE","SyncPercent":24,"IsSupportCloudinit":true,"SnapshotSet":[],"Tags":[],"LicenseType":"TencentCloud","ImageFamily":"","ImageDeprecated":false}],"TotalCount":2,"RequestId":"req-1"}}
            """,
            Encoding(Written([new VisibleImage(copying, ImageKind.Shared)], lifecycle)));
    }

    [Fact]
    public void DescribeImagesAnswer_VariedImages_SameBytesAsTheSdkModelSerialized()
    {
        using var lifecycle = Lifecycle(TimeSpan.FromMinutes(10));
        var page = VariedImages().ToArray();

        Assert.Equal(Encoding(Reference.Envelope(page, lifecycle)), Encoding(Written(page, lifecycle)));
    }

    [Fact]
    public void DescribeImagesAnswer_NoDelayConfigured_SameBytesAsTheSdkModelSerialized()
    {
        using var lifecycle = Lifecycle(TimeSpan.Zero);
        var page = VariedImages().Where(v => v.Image.State.IsInProgress()).ToArray();

        Assert.Equal(Encoding(Reference.Envelope(page, lifecycle)), Encoding(Written(page, lifecycle)));
    }

    /// <summary>Every kind, state, source, architecture and family; owned and public; text that needs escaping or not.</summary>
    private static IEnumerable<VisibleImage> VariedImages()
    {
        var n = 0;
        foreach (var kind in Enum.GetValues<ImageKind>())
        foreach (var state in Enum.GetValues<ImageState>())
        foreach (var source in Enum.GetValues<ImageSource>())
        foreach (var architecture in Enum.GetValues<Architecture>())
        foreach (var family in Enum.GetValues<OsFamily>())
        {
            n++;
            var image = new Image
            {
                Id = new ImageId($"img-{n:x8}"),
                Owner = kind == ImageKind.Public && n % 3 != 0 ? null : new AccountId($"10000000{n % 100:00}"),
                Region = new RegionId("ap-guangzhou"),
                Name = (n % 4) switch { 0 => "web", 1 => "名前 \"quoted\" <b>&'", 2 => "tab\there\\ \u0001", _ => new string('x', 60) },
                Description = n % 5 == 0 ? string.Empty : "the web tier 🚀",
                OperatingSystem = new ImageOperatingSystem(family, family == OsFamily.Windows ? "Windows" : "TencentOS", $"{family} Server {n}"),
                Architecture = architecture,
                SizeGiB = 20 + n,
                State = state,
                Source = source,
                // in progress: just started, halfway, and long past the delay (timed out, still 99)
                CreatedAt = Now - TimeSpan.FromMinutes((n % 3) switch { 0 => 0, 1 => 5, _ => 60 * 24 }) - TimeSpan.FromTicks(n * 1234567),
            };
            yield return new VisibleImage(image, kind);
        }
    }

    private static ImageLifecycle Lifecycle(TimeSpan readyAfter) => new(
        new ServiceCollection().BuildServiceProvider(),
        new FakeTimeProvider(Now),
        Options.Create(new ImageApiOptions { ReadyAfter = readyAfter }),
        NullLogger<ImageLifecycle>.Instance);

    private static byte[] Written(VisibleImage[] page, ImageLifecycle lifecycle)
    {
        var destination = new ArrayBufferWriter<byte>();
        WireResponseWriter.Success(new DescribeImagesResponse { ImageSet = WireImages.Set(page, lifecycle), TotalCount = page.Length * 2 }, "req-1").WriteTo(destination);
        return destination.WrittenSpan.ToArray();
    }

    private static string Encoding(byte[] json) => System.Text.Encoding.UTF8.GetString(json);

    /// <summary>
    /// The answer as the SDK model (<c>Image</c>) serialized by reflection, the way the stand-in wrote it before it
    /// wrote images field by field: the model's fields in its order, unset ones left out, <c>SyncPercent</c> even null.
    /// </summary>
    private static class Reference
    {
        private static readonly JsonSerializerOptions Options = new()
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };

        public static byte[] Envelope(VisibleImage[] page, ImageLifecycle lifecycle) => JsonSerializer.SerializeToUtf8Bytes(
            new { Response = new { ImageSet = page.Select(v => Of(v, lifecycle)).ToArray(), TotalCount = (long)page.Length * 2, RequestId = "req-1" } },
            Options);

        private static SdkImage Of(VisibleImage visible, ImageLifecycle lifecycle)
        {
            var image = visible.Image;
            return new SdkImage
            {
                ImageId = image.Id.Value,
                OsName = image.OperatingSystem.Name,
                ImageType = visible.Kind switch { ImageKind.Public => "PUBLIC_IMAGE", ImageKind.Custom => "PRIVATE_IMAGE", _ => "SHARED_IMAGE" },
                CreatedTime = image.CreatedAt,
                ImageName = image.Name,
                ImageDescription = image.Description,
                ImageSize = image.SizeGiB,
                Architecture = image.Architecture switch { Architecture.Arm64 => "arm", Architecture.I386 => "i386", _ => "x86_64" },
                ImageState = image.State switch
                {
                    ImageState.Creating => "CREATING",
                    ImageState.Importing => "IMPORTING",
                    ImageState.Syncing => "SYNCING",
                    ImageState.Normal => "NORMAL",
                    ImageState.ImportFailed => "IMPORTFAILED",
                    _ => "CREATEFAILED",
                },
                Platform = image.OperatingSystem.Platform,
                ImageCreator = image.Owner?.Value ?? string.Empty,
                ImageSource = image.Source switch { ImageSource.Official => "OFFICIAL", ImageSource.Imported => "EXTERNAL_IMPORT", _ => "CREATE_IMAGE" },
                SyncPercent = lifecycle.Progress(image),
                IsSupportCloudinit = true,
                SnapshotSet = [],
                Tags = [],
                LicenseType = "TencentCloud",
                ImageFamily = string.Empty,
                ImageDeprecated = false,
            };
        }

        /// <summary>The SDK's <c>Image</c> model, its fields in the model's order.</summary>
        private sealed record SdkImage
        {
            public string? ImageId { get; init; }
            public string? OsName { get; init; }
            public string? ImageType { get; init; }
            [JsonConverter(typeof(WireTimestamp))]
            public DateTimeOffset? CreatedTime { get; init; }
            public string? ImageName { get; init; }
            public string? ImageDescription { get; init; }
            public long? ImageSize { get; init; }
            public string? Architecture { get; init; }
            public string? ImageState { get; init; }
            public string? Platform { get; init; }
            public string? ImageCreator { get; init; }
            public string? ImageSource { get; init; }
            [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
            public long? SyncPercent { get; init; }
            public bool? IsSupportCloudinit { get; init; }
            public object[]? SnapshotSet { get; init; }
            public object[]? Tags { get; init; }
            public string? LicenseType { get; init; }
            public string? ImageFamily { get; init; }
            public bool? ImageDeprecated { get; init; }
            public string? CdcCacheStatus { get; init; }
        }
    }
}
