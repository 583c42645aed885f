using ImageRules.Application;
using ImageRules.Hosting;
using ImageRules.Persistence;
using ImageRules.Relational;
using ImageRules.Storage.Tests.Support;
using ImageRules.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ImageRules.Storage.Tests;

/// <summary>
/// <c>UseSqlite</c> and <c>UsePostgreSql</c> register every repository over the database, winning over
/// <c>AddImageRules</c>' in-memory defaults whichever is called first, so what the service saves is durable.
/// </summary>
public class RegistrationTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task R3_R11_the_database_stores_win_over_the_in_memory_defaults_whichever_is_registered_first(bool databaseFirst)
    {
        var database = await TestDatabase.CreateAsync();
        var services = new ServiceCollection();
        if (databaseFirst)
        {
            database.Register(services).AddImageRules();
        }
        else
        {
            database.Register(services.AddImageRules());
        }

        await using (var provider = services.BuildServiceProvider())
        {
            var store = Assert.IsType<RelationalImageStore>(provider.GetRequiredService<IImageRepository>());
            Assert.Same(store, provider.GetRequiredService<IShareGrantRepository>());
            Assert.IsType<RelationalAccountRepository>(provider.GetRequiredService<IAccountRepository>());
            Assert.IsType<RelationalRegionRepository>(provider.GetRequiredService<IRegionRepository>());
            var service = provider.GetRequiredService<ImageService>();
            await service.SaveRegionAsync(Sample.Guangzhou);
            await service.SaveAccountAsync(Sample.Alice);
            Assert.True((await service.CreateImageAsync(Sample.Alice.Id, Sample.Create(Sample.Guangzhou))).IsSuccess);
        }

        // A second host over the same database, registered the other way round, sees what the first saved.
        var again = new ServiceCollection();
        await using var reopened = (databaseFirst ? database.Register(again.AddImageRules()) : database.Register(again).AddImageRules()).BuildServiceProvider();
        var quota = await reopened.GetRequiredService<ImageService>().GetQuotaAsync(Sample.Alice.Id, Sample.Guangzhou.Id);
        Assert.Equal(1, quota.Value.Used);
    }
}
