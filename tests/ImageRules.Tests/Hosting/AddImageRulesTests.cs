using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Hosting;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Storage;
using ImageRules.Tests.Application;
using ImageRules.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ImageRules.Tests.Hosting;

public class AddImageRulesTests
{
    [Fact]
    public void R11_R21_the_default_registration_resolves_one_service_with_the_seed_figures_over_one_store()
    {
        using var provider = new ServiceCollection().AddImageRules().Services.BuildServiceProvider();

        var service = provider.GetRequiredService<ImageService>();

        Assert.Same(service, provider.GetRequiredService<ImageService>());
        Assert.Same(provider.GetRequiredService<ImagePolicy>(), service.Policy);
        Assert.Equal((10, 50, false, false), Figures(service.Policy));
        Assert.Equal(ImageRulesProfile.Seed, provider.GetRequiredService<IOptions<ImageRulesOptions>>().Value.Profile);
        Assert.IsType<InMemoryImageStore>(provider.GetRequiredService<IImageStore>());
        Assert.IsType<RandomImageIdGenerator>(provider.GetRequiredService<IImageIdGenerator>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.Same(FlatPriceList.Default, provider.GetRequiredService<IPriceList>());
        Assert.Same(FlatPriceList.Default, service.Policy.PriceList);
    }

    [Fact]
    public void R11_AddImageRules_returns_a_builder_over_the_same_container()
    {
        var services = new ServiceCollection();

        var builder = services.AddImageRules();

        Assert.IsAssignableFrom<IImageRulesBuilder>(builder);
        Assert.Same(services, builder.Services);
    }

    [Fact]
    public async Task R11_options_set_in_code_apply_to_the_service()
    {
        using var provider = new ServiceCollection().AddImageRules(o => o.MaxCustomImagesPerRegion = 20).Services.BuildServiceProvider();
        var service = await SeededAsync(provider);

        Assert.Equal(20, service.Policy.MaxCustomImagesPerRegion);
        Assert.Equal(20, (await service.DescribeQuotaAsync(new DescribeQuota(Sample.Alice.Id, Sample.Guangzhou.Id))).Value.Limit);
    }

    [Fact]
    public async Task R21_R25_the_Provider2025_profile_applies_to_the_service()
    {
        using var provider = new ServiceCollection().AddImageRules(o => o.Profile = ImageRulesProfile.Provider2025).Services.BuildServiceProvider();
        var service = await SeededAsync(provider);

        Assert.Equal((500, 500, true, false), Figures(service.Policy));
        Assert.Equal(500, (await service.DescribeQuotaAsync(new DescribeQuota(Sample.Alice.Id, Sample.Guangzhou.Id))).Value.Limit);
    }

    [Fact]
    public async Task R11_R21_R25_options_are_bound_from_the_ImageRules_section_of_the_host_configuration()
    {
        var services = new ServiceCollection().AddSingleton(Configuration(("Profile", "Provider2025"), ("MaxCustomImagesPerRegion", "20")));
        using var provider = services.AddImageRules().Services.BuildServiceProvider();
        var service = await SeededAsync(provider);

        Assert.Equal(ImageRulesProfile.Provider2025, provider.GetRequiredService<IOptions<ImageRulesOptions>>().Value.Profile);
        Assert.Equal((20, 500, true, false), Figures(service.Policy));
        Assert.Equal(20, (await service.DescribeQuotaAsync(new DescribeQuota(Sample.Alice.Id, Sample.Guangzhou.Id))).Value.Limit);
    }

    [Fact]
    public void R11_R21_options_set_in_code_apply_after_the_configuration_whether_given_to_the_first_call_or_a_later_one()
    {
        var configuration = Configuration(("MaxCustomImagesPerRegion", "20"), ("MaxShareRecipientsPerImage", "40"));
        var services = new ServiceCollection().AddSingleton(configuration);

        services.AddImageRules(o => o.MaxCustomImagesPerRegion = 30).Services.AddImageRules(o => o.MaxShareRecipientsPerImage = 45);

        using var provider = services.BuildServiceProvider();
        Assert.Equal((30, 45), (provider.GetRequiredService<ImagePolicy>().MaxCustomImagesPerRegion, provider.GetRequiredService<ImagePolicy>().MaxShareRecipientsPerImage));
    }

    [Fact]
    public void R11_R21_invalid_options_throw_OptionsValidationException_listing_every_problem_when_the_policy_is_resolved()
    {
        var services = new ServiceCollection().AddImageRules(o =>
        {
            o.MaxCustomImagesPerRegion = 0;
            o.MaxShareRecipientsPerImage = -1;
            o.TransitionTimeout = TimeSpan.Zero;
        }).Services;
        using var provider = services.BuildServiceProvider();

        var thrown = Assert.Throws<OptionsValidationException>(provider.GetRequiredService<ImagePolicy>);

        Assert.Equal(typeof(ImageRulesOptions), thrown.OptionsType);
        Assert.Equal(
            ["MaxCustomImagesPerRegion is 0: it must be at least 1", "MaxShareRecipientsPerImage is -1: it must be at least 1", "TransitionTimeout is 00:00:00: it must be positive"],
            thrown.Failures);
        Assert.Throws<OptionsValidationException>(provider.GetRequiredService<ImageService>);
    }

    [Fact]
    public void R11_an_invalid_limit_in_the_configuration_throws_OptionsValidationException_when_the_policy_is_resolved()
    {
        var services = new ServiceCollection().AddSingleton(Configuration(("MaxCustomImagesPerRegion", "0")));
        using var provider = services.AddImageRules().Services.BuildServiceProvider();

        var thrown = Assert.Throws<OptionsValidationException>(provider.GetRequiredService<ImagePolicy>);

        Assert.Equal(["MaxCustomImagesPerRegion is 0: it must be at least 1"], thrown.Failures);
    }

    [Fact]
    public void R11_invalid_options_fail_the_validation_a_host_runs_on_start()
    {
        using var provider = new ServiceCollection().AddImageRules(o => o.MaxCustomImagesPerRegion = 0).Services.BuildServiceProvider();

        var thrown = Assert.Throws<OptionsValidationException>(provider.GetRequiredService<IStartupValidator>().Validate);

        Assert.Contains("MaxCustomImagesPerRegion is 0: it must be at least 1", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R11_a_null_container_or_builder_is_an_ArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => ImageRulesServiceCollectionExtensions.AddImageRules(null!));
        Assert.Throws<ArgumentNullException>(() => ImageRulesServiceCollectionExtensions.UseStore<InMemoryImageStore>(null!));
    }

    [Fact]
    public void R11_calling_AddImageRules_again_registers_no_service_twice()
    {
        var services = new ServiceCollection();

        services.AddImageRules().Services.AddImageRules().Services.AddImageRules();

        var libraryServices = services.Where(d => !IsOptionsPlumbing(d.ServiceType));
        Assert.All(libraryServices.GroupBy(d => d.ServiceType), registrations => Assert.Single(registrations));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<ImageRulesOptions>));
        using var provider = services.BuildServiceProvider();
        Assert.Equal((10, 50, false, false), Figures(provider.GetRequiredService<ImageService>().Policy));
    }

    [Fact]
    public async Task R16_R20_a_host_store_registered_before_AddImageRules_wins_and_holds_images_and_grants()
    {
        var hostStore = new InMemoryImageStore();
        var services = new ServiceCollection().AddSingleton<IImageStore>(hostStore);
        using var provider = services.AddImageRules().Services.BuildServiceProvider();
        var service = await SeededAsync(provider);

        var image = await ReadyImageAsync(service);
        Assert.True((await service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [Sample.Bob.Id]))).IsSuccess);
        var again = await service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [Sample.Bob.Id]));
        var deleted = await service.DeleteImageAsync(new DeleteImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id));

        Assert.Same(hostStore, provider.GetRequiredService<IImageStore>());
        Assert.Single(services, d => d.ServiceType == typeof(IImageStore));
        Assert.Equal(image, await hostStore.FindImageAsync(image.Id));
        Assert.Single(await hostStore.GrantsOfAsync(image.Id));
        Refusal.Is<AccountAlreadyShared>(again.Failure, "FailedOperation.AccountAlreadyExists");
        Refusal.Is<ImageStillShared>(deleted.Failure, "InvalidImageId.InShared");
    }

    [Fact]
    public async Task R16_R20_UseStore_registers_one_object_as_the_store_in_place_of_the_in_memory_default()
    {
        var services = new ServiceCollection();

        services.AddImageRules().UseStore<HostStore>();

        Assert.Single(services, d => d.ServiceType == typeof(IImageStore));
        using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<HostStore>();
        Assert.Same(store, provider.GetRequiredService<IImageStore>());
        var service = await SeededAsync(provider);
        var image = await ReadyImageAsync(service);
        Assert.Equal(image, await store.FindImageAsync(image.Id));
        Assert.Equal(2, store.Commits);
    }

    [Fact]
    public async Task R10_a_clock_and_an_id_generator_registered_before_AddImageRules_win()
    {
        var clock = new FakeTimeProvider(Sample.Now);
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<IImageIdGenerator, SequentialImageIds>();
        using var provider = services.AddImageRules().Services.BuildServiceProvider();
        var service = await SeededAsync(provider);

        var image = (await service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou))).Value.Image;

        Assert.Equal((new ImageId("img-t0000001"), Sample.Now), (image.Id, image.CreatedAt));
        Assert.Single(services, d => d.ServiceType == typeof(TimeProvider));
    }

    [Fact]
    public async Task R10_observers_in_the_container_hear_every_saved_change()
    {
        var first = new RecordingObserver();
        var second = new RecordingObserver();
        var services = new ServiceCollection()
            .AddImageRules().Services
            .AddSingleton<IImageEventObserver>(first)
            .AddSingleton<IImageEventObserver>(second);
        using var provider = services.BuildServiceProvider();
        var service = await SeededAsync(provider);

        var created = (await service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou))).Value;

        Assert.Equal(created, Assert.Single(first.Events));
        Assert.Equal(created, Assert.Single(second.Events));
    }

    [Fact]
    public async Task R10_an_observer_failure_is_logged_through_the_container_logger_and_the_change_is_saved()
    {
        var logger = new RecordingLogger<ImageService>();
        var services = new ServiceCollection()
            .AddSingleton<ILogger<ImageService>>(logger)
            .AddSingleton<IImageEventObserver, ImageServiceEventTests.FailingObserver>()
            .AddImageRules().Services;
        using var provider = services.BuildServiceProvider();
        var service = await SeededAsync(provider);

        var created = await service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou));

        Assert.True(created.IsSuccess);
        var logged = Assert.Single(logger.Entries);
        Assert.Equal((LogLevel.Warning, 5), (logged.Level, logged.EventId.Id));
        Assert.IsType<InvalidOperationException>(logged.Exception);
    }

    /// <summary>The resolved figures of a policy: custom images per region, recipients per image, recipients' copies, copies across the mainland border.</summary>
    private static (int, int, bool, bool) Figures(ImagePolicy policy) =>
        (policy.MaxCustomImagesPerRegion, policy.MaxShareRecipientsPerImage, policy.RecipientsMayCopyWithinRegion, policy.AllowCopyAcrossMainlandBorder);

    /// <summary>A host configuration with the given keys under the <c>ImageRules</c> section.</summary>
    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create($"{ImageRulesOptions.SectionName}:{s.Key}", (string?)s.Value)))
            .Build();

    /// <summary>True for the options pattern's own registrations, which it adds once per configuration or validation by design.</summary>
    private static bool IsOptionsPlumbing(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() is var definition
        && (definition == typeof(IConfigureOptions<>) || definition == typeof(IPostConfigureOptions<>) || definition == typeof(IValidateOptions<>)
            || definition == typeof(IOptionsChangeTokenSource<>));

    internal static async Task<ImageService> SeededAsync(ServiceProvider provider)
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
        var created = (await service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou))).Value;
        return (await service.CompleteImageAsync(created.Image.Id, succeeded: true)).Value.Image;
    }

    /// <summary>A host's own store, made by the container: counts the commits that reach it.</summary>
    private sealed class HostStore() : DelegatingImageStore(new InMemoryImageStore())
    {
        private int commits;

        public int Commits => Volatile.Read(ref commits);

        public override ValueTask<bool> TryCommitAsync(CatalogueChange change, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref commits);
            return base.TryCommitAsync(change, cancellationToken);
        }
    }
}
