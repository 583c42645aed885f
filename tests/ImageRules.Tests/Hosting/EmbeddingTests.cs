using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Hosting;
using ImageRules.Policy;
using ImageRules.Storage;
using ImageRules.Tests.Application;
using Microsoft.Extensions.DependencyInjection;

namespace ImageRules.Tests.Hosting;

/// <summary>
/// The code of the README's "Embedding in your service" section, with the host's own types played by the in-memory
/// store and <see cref="RecordingObserver"/>, so the section is known to compile and to behave as it says.
/// </summary>
public class EmbeddingTests
{
    [Fact]
    public async Task R7_R20_R23_R25_an_embedding_host_answers_each_request_with_the_provider_codes()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IImageEventObserver, RecordingObserver>();                 // your audit trail
        services.AddImageRules(o => o.MaxCustomImagesPerRegion = 20)                     // or from the "ImageRules" configuration section
            .UseStore<InMemoryImageStore>();                                             // your store: regions, accounts, images and grants
        await using var provider = services.BuildServiceProvider();
        var images = provider.GetRequiredService<ImageService>();
        await images.SeedAsync(ProviderCatalogue.Default);
        await images.SaveAccountAsync(new Account(new AccountId("1038493875"), new RegionId("ap-guangzhou")));
        await images.SaveAccountAsync(new Account(new AccountId("2000000001"), new RegionId("ap-guangzhou")));
        await images.SaveAccountAsync(new Account(new AccountId("2000000002"), new RegionId("ap-guangzhou")));
        var created = await images.CreateImageAsync(new CreateImage(
            new AccountId("1038493875"), new RegionId("ap-guangzhou"), new InstanceId("ins-2zvx0a1b"), "web-server",
            OperatingSystem: new ImageOperatingSystem(OsFamily.Linux, OsPlatform.TencentOS, "TencentOS Server 3.1")));
        var image = created.Value.Image.Id.Value;
        await images.CompleteImageAsync(created.Value.Image.Id, succeeded: true);

        Assert.Equal(new ApiAnswer(null, "shared with 1 account(s)"), await ShareImagesAsync(images, "1038493875", "ap-guangzhou", image, ["2000000001"]));
        Assert.Equal("FailedOperation.AccountAlreadyExists", (await ShareImagesAsync(images, "1038493875", "ap-guangzhou", image, ["2000000001"])).ErrorCode);
        Assert.Equal("InvalidImageId.Malformed", (await ShareImagesAsync(images, "1038493875", "ap-guangzhou", "img-BAD", ["2000000001"])).ErrorCode);
        Assert.Equal("InvalidAccountId.NotFound", (await ShareImagesAsync(images, "1038493875", "ap-guangzhou", image, ["not-digits"])).ErrorCode);
        Assert.Equal("UnsupportedOperation.SharedImageModifyUnsupported", (await ShareImagesAsync(images, "2000000001", "ap-guangzhou", image, ["1038493875"])).ErrorCode);
        Assert.Equal("DryRunOperation", (await ShareImagesAsync(images, "1038493875", "ap-guangzhou", image, ["2000000002"], dryRun: true)).ErrorCode);
        Assert.Equal("InvalidAccountIs.YourSelf", (await ShareImagesAsync(images, "1038493875", "ap-guangzhou", image, ["1038493875"], dryRun: true)).ErrorCode);
        Assert.Single(provider.GetServices<IImageEventObserver>());
    }

    /// <summary>One request of a host's API: read the raw input (R7), ask the service, answer with the provider's code.</summary>
    private static async Task<ApiAnswer> ShareImagesAsync(ImageService images, string caller, string region, string imageId, IReadOnlyList<string> accounts, bool dryRun = false)
    {
        var read = Result.All(Ids.Account(caller), Ids.Region(region), Ids.Image(imageId));
        if (!read.TryGetValue(out var ids, out var invalid) || !Ids.Accounts(accounts).TryGetValue(out var recipients, out invalid))
        {
            return ApiAnswer.Refused(invalid);
        }

        var shared = await images.ShareImageAsync(new ShareImage(ids.First, ids.Second, ids.Third, recipients, dryRun));
        return shared.Match(ok => new ApiAnswer(null, $"shared with {ok.Grants.Length} account(s)"), ApiAnswer.Refused);
    }

    /// <summary>What the host's API returns: the provider's error code and message, or a success message.</summary>
    private sealed record ApiAnswer(string? ErrorCode, string Message)
    {
        public static ApiAnswer Refused(Failure failure) => new(failure.Code, failure.Message);
    }
}
