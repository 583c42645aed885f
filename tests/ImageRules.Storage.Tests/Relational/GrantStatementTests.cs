using ImageRules.Policy;
using ImageRules.Storage.Tests.Support;
using ImageRules.Tests.Support;

namespace ImageRules.Storage.Tests;

/// <summary>Issue 11: a share writes its grants in one statement, and a cancellation removes them in one (per 500 accounts).</summary>
[Collection(nameof(StoreSpanListeners))]
public class GrantStatementTests
{
    [Fact]
    public async Task R20_R24_sharing_with_and_cancelling_three_accounts_is_one_grants_statement_each()
    {
        var database = await TestDatabase.CreateAsync();
        await using var instance = ServiceInstance.Over(database);
        var accounts = await instance.SeedAsync(extra: 3);
        var created = (await instance.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou))).Value;
        var image = (await instance.Service.CompleteImageAsync(created.Image.Id, succeeded: true)).Value.Image;

        var shared = await StoreTrace.OfAsync(instance.Database, async () => (await instance.Service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [.. accounts]))).IsSuccess);
        var cancelled = await StoreTrace.OfAsync(instance.Database, async () => (await instance.Service.CancelSharingAsync(new CancelSharing(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [.. accounts]))).IsSuccess);

        Assert.True(shared.Result && cancelled.Result);
        Assert.Single(shared.Statements, s => s.Contains("INSERT INTO grants", StringComparison.Ordinal));
        Assert.Single(cancelled.Statements, s => s.Contains("DELETE FROM grants", StringComparison.Ordinal));
        Assert.Equal(0, await database.ScalarAsync("SELECT COUNT(*) FROM grants"));
    }
}
