using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Hosting;
using ImageRules.Persistence;
using ImageRules.Policy;
using ImageRules.Policy.Requests;
using ImageRules.Tests.Application;
using Microsoft.Extensions.DependencyInjection;

namespace ImageRules.Tests.Hosting;

/// <summary>
/// The code of the README's "Embedding in your service" section, with the host's own types played by the in-memory
/// stores and <see cref="RecordingObserver"/>, so the section is known to compile and to behave as it says.
/// </summary>
public class EmbeddingTests
{
    [Fact]
    public async Task R7_R20_R23_R25_an_embedding_host_answers_each_request_with_the_provider_codes()
    {
        var services = new ServiceCollection();
        services.AddSingleton<InMemoryImageStore>();                                     // your image store
        services.AddSingleton<IImageRepository>(sp => sp.GetRequiredService<InMemoryImageStore>());
        services.AddSingleton<IShareGrantRepository>(sp => sp.GetRequiredService<InMemoryImageStore>());
        services.AddSingleton<IAccountRepository, InMemoryAccountRepository>();          // your account directory
        services.AddSingleton<IImageEventObserver, RecordingObserver>();                 // your audit trail
        services.AddImageRules(o => o with { MaxCustomImagesPerRegion = 20 });
        await using var provider = services.BuildServiceProvider();
        var images = provider.GetRequiredService<ImageService>();
        await images.SeedAsync(ProviderCatalogue.Default);
        await images.SaveAccountAsync(new Account(new AccountId("1038493875"), new RegionId("ap-guangzhou")));
        await images.SaveAccountAsync(new Account(new AccountId("2000000001"), new RegionId("ap-guangzhou")));
        var created = await images.CreateImageAsync(new AccountId("1038493875"), new CreateImageRequest(
            new InstanceId("ins-2zvx0a1b"), new RegionId("ap-guangzhou"), "web-server",
            new ImageOperatingSystem(OsFamily.Linux, OsPlatform.TencentOS, "TencentOS Server 3.1"), Architecture.X86_64, 50));
        var image = created.Value.Image.Id.Value;
        await images.CompleteImageAsync(created.Value.Image.Id, succeeded: true);

        Assert.Equal(new ApiAnswer(null, "shared with 1 account(s)"), await ShareImagesAsync(images, "1038493875", "ap-guangzhou", image, ["2000000001"]));
        Assert.Equal("FailedOperation.AccountAlreadyExists", (await ShareImagesAsync(images, "1038493875", "ap-guangzhou", image, ["2000000001"])).ErrorCode);
        Assert.Equal("InvalidImageId.Malformed", (await ShareImagesAsync(images, "1038493875", "ap-guangzhou", "img-BAD", ["2000000001"])).ErrorCode);
        Assert.Equal("InvalidAccountId.NotFound", (await ShareImagesAsync(images, "1038493875", "ap-guangzhou", image, ["not-digits"])).ErrorCode);
        Assert.Equal("UnsupportedOperation.SharedImageModifyUnsupported", (await ShareImagesAsync(images, "2000000001", "ap-guangzhou", image, ["1038493875"])).ErrorCode);
        Assert.Single(provider.GetServices<IImageEventObserver>());
    }

    /// <summary>One request of a host's API: parse the raw input (R7), ask the service, answer with the provider's code.</summary>
    private static async Task<ApiAnswer> ShareImagesAsync(ImageService images, string caller, string region, string imageId, IReadOnlyList<string> accounts)
    {
        var recipients = new List<AccountId>();
        foreach (var account in accounts)
        {
            if (!AccountId.Parse(account).TryGetValue(out var recipient, out var malformed))
            {
                return ApiAnswer.Refused(malformed);
            }

            recipients.Add(recipient);
        }

        var request = AccountId.Parse(caller).Then(c => RegionId.Parse(region).Then(r => ImageId.Parse(imageId).Select(i => (c, r, i))));
        if (!request.TryGetValue(out var parsed, out var invalid))
        {
            return ApiAnswer.Refused(invalid);
        }

        var shared = await images.ShareImageAsync(parsed.c, parsed.r, parsed.i, recipients);
        return shared.Match(ok => new ApiAnswer(null, $"shared with {ok.Grants.Length} account(s)"), ApiAnswer.Refused);
    }

    /// <summary>What the host's API returns: the provider's error code and message, or a success message.</summary>
    private sealed record ApiAnswer(string? ErrorCode, string Message)
    {
        public static ApiAnswer Refused(Failure failure) => new(failure.Code, failure.Message);
    }
}
