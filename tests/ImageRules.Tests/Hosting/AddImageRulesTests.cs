using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Hosting;
using ImageRules.Persistence;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Tests.Application;
using ImageRules.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ImageRules.Tests.Hosting;

public class AddImageRulesTests
{
    [Fact]
    public void R11_R21_the_default_registration_resolves_one_service_with_the_seed_options_over_one_store()
    {
        using var provider = new ServiceCollection().AddImageRules().BuildServiceProvider();

        var service = provider.GetRequiredService<ImageService>();

        Assert.Same(service, provider.GetRequiredService<ImageService>());
        Assert.Equal(ImageRulesOptions.Seed, service.Policy.Options);
        Assert.Same(ImageRulesOptions.Seed, provider.GetRequiredService<ImageRulesOptions>());
        Assert.IsType<InMemoryImageStore>(provider.GetRequiredService<IImageRepository>());
        Assert.Same(provider.GetRequiredService<IImageRepository>(), provider.GetRequiredService<IShareGrantRepository>());
        Assert.IsType<RandomImageIdGenerator>(provider.GetRequiredService<IImageIdGenerator>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public async Task R11_options_mapped_from_the_current_ones_apply_to_the_service()
    {
        using var provider = new ServiceCollection().AddImageRules(o => o with { MaxCustomImagesPerRegion = 20 }).BuildServiceProvider();
        var service = await SeededAsync(provider);

        Assert.Equal(ImageRulesOptions.Seed with { MaxCustomImagesPerRegion = 20 }, service.Policy.Options);
        Assert.Equal(20, (await service.GetQuotaAsync(Sample.Alice.Id, Sample.Guangzhou.Id)).Value.Limit);
    }

    [Fact]
    public async Task R21_R25_the_Provider2025_preset_applies_to_the_service()
    {
        using var provider = new ServiceCollection().AddImageRules(_ => ImageRulesOptions.Provider2025).BuildServiceProvider();
        var service = await SeededAsync(provider);

        Assert.Same(ImageRulesOptions.Provider2025, service.Policy.Options);
        Assert.Equal(500, (await service.GetQuotaAsync(Sample.Alice.Id, Sample.Guangzhou.Id)).Value.Limit);
    }

    [Fact]
    public void R11_R21_invalid_options_throw_ArgumentException_naming_every_problem_and_register_nothing()
    {
        var services = new ServiceCollection();

        var thrown = Assert.Throws<ArgumentException>(() => services.AddImageRules(o => o with { MaxCustomImagesPerRegion = 0, MaxShareRecipientsPerImage = -1, PriceList = null! }));

        Assert.Contains("MaxCustomImagesPerRegion is 0: it must be at least 1", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("MaxShareRecipientsPerImage is -1: it must be at least 1", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("PriceList is missing", thrown.Message, StringComparison.Ordinal);
        Assert.Empty(services);
    }

    [Fact]
    public void R11_a_null_container_is_an_ArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => ImageRulesServiceCollectionExtensions.AddImageRules(null!));
    }

    [Fact]
    public void R11_calling_AddImageRules_again_registers_nothing_twice_and_starts_from_the_earlier_options()
    {
        var services = new ServiceCollection();

        services.AddImageRules(o => o with { MaxCustomImagesPerRegion = 20 }).AddImageRules(o => o with { MaxShareRecipientsPerImage = 30 }).AddImageRules();

        Assert.All(services.GroupBy(d => d.ServiceType), registrations => Assert.Single(registrations));
        using var provider = services.BuildServiceProvider();
        Assert.Equal(ImageRulesOptions.Seed with { MaxCustomImagesPerRegion = 20, MaxShareRecipientsPerImage = 30 }, provider.GetRequiredService<ImageService>().Policy.Options);
    }

    [Fact]
    public async Task R16_R20_a_host_image_store_registered_before_AddImageRules_holds_images_and_grants()
    {
        var hostStore = new InMemoryImageStore();
        var services = new ServiceCollection().AddSingleton<IImageRepository>(hostStore);
        using var provider = services.AddImageRules().BuildServiceProvider();
        var service = await SeededAsync(provider);

        var image = await ReadyImageAsync(service);
        Assert.True((await service.ShareImageAsync(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [Sample.Bob.Id])).IsSuccess);
        var again = await service.ShareImageAsync(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [Sample.Bob.Id]);
        var deleted = await service.DeleteImageAsync(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id);

        Assert.Same(hostStore, provider.GetRequiredService<IImageRepository>());
        Assert.Same(hostStore, provider.GetRequiredService<IShareGrantRepository>());
        Assert.Equal(image.Id, (await hostStore.FindAsync(image.Id))?.Id);
        Assert.Single(await hostStore.ListForImageAsync(image.Id));
        Refusal.Is<AccountAlreadyShared>(again.Failure, "FailedOperation.AccountAlreadyExists");
        Refusal.Is<ImageInShared>(deleted.Failure, "InvalidImageId.InShared");
    }

    [Fact]
    public void R16_R20_a_host_image_store_that_cannot_read_grants_is_refused_when_resolved()
    {
        var services = new ServiceCollection().AddSingleton<IImageRepository>(new ImagesOnlyStore());
        using var provider = services.AddImageRules().BuildServiceProvider();

        var thrown = Assert.Throws<InvalidOperationException>(provider.GetRequiredService<ImageService>);

        Assert.Contains(nameof(IShareGrantRepository), thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R20_a_host_grant_store_registered_before_AddImageRules_wins()
    {
        var hostStore = new InMemoryImageStore();
        var services = new ServiceCollection()
            .AddSingleton<IImageRepository>(hostStore)
            .AddSingleton<IShareGrantRepository>(hostStore);
        using var provider = services.AddImageRules().BuildServiceProvider();

        Assert.Same(hostStore, provider.GetRequiredService<IShareGrantRepository>());
        Assert.Single(services, d => d.ServiceType == typeof(IShareGrantRepository));
    }

    [Fact]
    public async Task R23_R22_host_account_and_region_stores_registered_before_AddImageRules_win()
    {
        var accounts = new InMemoryAccountRepository();
        var regions = new InMemoryRegionRepository();
        await accounts.SaveAsync(Sample.Alice);
        await regions.SaveAsync(Sample.Guangzhou);
        var services = new ServiceCollection()
            .AddSingleton<IAccountRepository>(accounts)
            .AddSingleton<IRegionRepository>(regions);
        using var provider = services.AddImageRules().BuildServiceProvider();

        var quota = await provider.GetRequiredService<ImageService>().GetQuotaAsync(Sample.Alice.Id, Sample.Guangzhou.Id);

        Assert.True(quota.IsSuccess);
        Assert.Same(accounts, provider.GetRequiredService<IAccountRepository>());
        Assert.Same(regions, provider.GetRequiredService<IRegionRepository>());
    }

    [Fact]
    public async Task R10_the_clock_and_the_id_generator_are_replaceable()
    {
        var clock = new FakeTimeProvider(Sample.Now);
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<IImageIdGenerator, SequentialImageIds>();
        using var provider = services.AddImageRules().BuildServiceProvider();
        var service = await SeededAsync(provider);

        var image = (await service.CreateImageAsync(Sample.Alice.Id, Sample.Create(Sample.Guangzhou))).Value.Image;

        Assert.Equal((new ImageId("img-t0000001"), Sample.Now), (image.Id, image.CreatedAt));
    }

    [Fact]
    public async Task R10_observers_in_the_container_hear_every_saved_change()
    {
        var first = new RecordingObserver();
        var second = new RecordingObserver();
        var services = new ServiceCollection()
            .AddImageRules()
            .AddSingleton<IImageEventObserver>(first)
            .AddSingleton<IImageEventObserver>(second);
        using var provider = services.BuildServiceProvider();
        var service = await SeededAsync(provider);

        var created = (await service.CreateImageAsync(Sample.Alice.Id, Sample.Create(Sample.Guangzhou))).Value;

        Assert.Equal(created, Assert.Single(first.Events));
        Assert.Equal(created, Assert.Single(second.Events));
    }

    private static async Task<ImageService> SeededAsync(ServiceProvider provider)
    {
        var service = provider.GetRequiredService<ImageService>();
        foreach (var region in Sample.Regions)
        {
            await service.SaveRegionAsync(region);
        }

        foreach (var account in Sample.Accounts)
        {
            await service.SaveAccountAsync(account);
        }

        return service;
    }

    private static async Task<Image> ReadyImageAsync(ImageService service)
    {
        var created = (await service.CreateImageAsync(Sample.Alice.Id, Sample.Create(Sample.Guangzhou))).Value;
        return (await service.CompleteImageAsync(created.Image.Id, succeeded: true)).Value.Image;
    }

    /// <summary>A host's image store that does not also serve grants: a misconfiguration the registration must not hide.</summary>
    private sealed class ImagesOnlyStore : IImageRepository
    {
        private readonly InMemoryImageStore inner = new();

        public ValueTask<Image?> FindAsync(ImageId id, CancellationToken cancellationToken = default) => inner.FindAsync(id, cancellationToken);

        public ValueTask<ImageCatalogue> GetCatalogueAsync(CatalogueKey key, CancellationToken cancellationToken = default) => inner.GetCatalogueAsync(key, cancellationToken);

        public ValueTask<ImagePage> QueryVisibleAsync(AccountId viewer, RegionId region, ImageFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
            inner.QueryVisibleAsync(viewer, region, filter, page, cancellationToken);

        public ValueTask<bool> TryCommitAsync(CatalogueChange change, CancellationToken cancellationToken = default) => inner.TryCommitAsync(change, cancellationToken);
    }
}
