using ImageRules.Application;
using ImageRules.Hosting;
using ImageRules.Policy;
using ImageRules.Relational;
using ImageRules.Storage.Tests.Support;
using ImageRules.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ImageRules.Storage.Tests;

/// <summary>
/// <c>UseSqlite</c> and <c>UsePostgreSql</c> make the database store the one <see cref="IImageStore"/>, winning over
/// <c>AddImageRules</c>' in-memory default whether <c>AddImageRules</c> is called again after them or only before, so
/// what the service saves is durable.
/// </summary>
public class RegistrationTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task R3_R11_the_database_store_wins_over_the_in_memory_default_whichever_is_registered_first(bool databaseFirst)
    {
        var database = await TestDatabase.CreateAsync();
        await using (var provider = Register(new ServiceCollection(), database, databaseFirst).BuildServiceProvider())
        {
            var store = Assert.IsType<RelationalImageStore>(provider.GetRequiredService<IImageStore>());
            Assert.Same(store, provider.GetRequiredService<RelationalImageStore>());
            var service = provider.GetRequiredService<ImageService>();
            await service.SaveRegionAsync(Sample.Guangzhou);
            await service.SaveAccountAsync(Sample.Alice);
            Assert.True((await service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou))).IsSuccess);
        }

        // A second host over the same database, registered the other way round, sees what the first saved.
        await using var reopened = Register(new ServiceCollection(), database, !databaseFirst).BuildServiceProvider();
        var quota = await reopened.GetRequiredService<ImageService>().DescribeQuotaAsync(new DescribeQuota(Sample.Alice.Id, Sample.Guangzhou.Id));
        Assert.Equal(1, quota.Value.Used);
    }

    [Fact]
    public async Task R3_R11_the_store_chosen_last_wins()
    {
        var database = await TestDatabase.CreateAsync();
        var services = new ServiceCollection();

        database.Register(services.AddImageRules().UseStore<InMemoryImageStore>());
        await using (var provider = services.BuildServiceProvider())
        {
            Assert.IsType<RelationalImageStore>(provider.GetRequiredService<IImageStore>());
        }

        database.Register(services.AddImageRules()).UseStore<InMemoryImageStore>();
        await using (var provider = services.BuildServiceProvider())
        {
            Assert.IsType<InMemoryImageStore>(provider.GetRequiredService<IImageStore>());
        }
    }

    /// <summary>
    /// Registers ImageRules over <paramref name="database"/>: the store chosen on <c>AddImageRules</c>' builder, then
    /// <c>AddImageRules</c> again (as another library might), or <c>AddImageRules</c> first and the store chosen on a later call's builder.
    /// </summary>
    private static IServiceCollection Register(IServiceCollection services, TestDatabase database, bool databaseFirst)
    {
        if (databaseFirst)
        {
            database.Register(services.AddImageRules());
            services.AddImageRules();
        }
        else
        {
            services.AddImageRules();
            database.Register(services.AddImageRules());
        }

        return services;
    }
}
