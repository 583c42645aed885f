using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Relational;
using ImageRules.Storage.Tests.Support;
using ImageRules.Tests.Storage;
using ImageRules.Tests.Support;

namespace ImageRules.Storage.Tests.Sqlite;

/// <summary>
/// SQLite with real processes: a writer killed without warning in the middle of its writes, and two writer processes
/// racing for the same quota and share slots. Afterwards the file opens, SQLite finds it intact, the rules' invariants
/// hold, and every write a process reported as acknowledged is there.
/// </summary>
public class ProcessTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>The crash writer's quota: raised so that it is always mid-write when killed (the race test keeps the seed's).</summary>
    private static readonly ImagePolicy CrashPolicy = new(new ImageRulesOptions { MaxCustomImagesPerRegion = 1000 });

    /// <summary>The seed profile's rules, which the race writers keep.</summary>
    private static readonly ImagePolicy SeedPolicy = new();

    [Fact]
    public async Task R11_R20_a_writer_killed_mid_write_loses_no_acknowledged_write_and_leaves_a_consistent_file()
    {
        var database = await TestDatabase.CreateAsync();
        AccountId[] owners;
        await using (var setup = ServiceInstance.Over(database))
        {
            owners = await setup.SeedAsync(extra: 30, series: 6);
        }

        // Each life is killed at whatever point of a write it has reached once it acknowledged enough shares.
        var acknowledged = new List<string>();
        for (var life = 0; life < 3; life++)
        {
            using var writer = WriterProcess.Start(database.ConnectionString, "crash", string.Join(',', owners), Sample.Bob.Id.Value);
            await writer.WaitForAsync("shared ", 10 + (7 * life), Patience);
            acknowledged.AddRange(writer.Kill());

            await AssertIntactAsync(database, CrashPolicy);
            await AssertAcknowledgedAsync(database, acknowledged);
        }

        Assert.DoesNotContain(acknowledged, line => line.StartsWith("refused ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task R11_R21_two_writer_processes_racing_for_the_same_slots_take_exactly_the_slots_there_are()
    {
        var database = await TestDatabase.CreateAsync();
        AccountId[] owners;
        AccountId[] recipients;
        Image image;
        await using (var setup = ServiceInstance.Over(database))
        {
            owners = await setup.SeedAsync(extra: 3, series: 6);
            recipients = await setup.SeedAsync(extra: 60, series: 7);
            var created = (await setup.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou))).Value.Image;
            image = (await setup.Service.CompleteImageAsync(created.Id, succeeded: true)).Value.Image;
            Assert.True((await setup.Service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [.. recipients[..45]]))).IsSuccess);
        }

        string[] arguments = [database.ConnectionString, "race", string.Join(',', owners), string.Join(',', recipients[45..]), image.Id.Value, Sample.Alice.Id.Value];
        using var first = WriterProcess.Start(arguments);
        using var second = WriterProcess.Start(arguments);
        var lines = (await first.FinishAsync(Patience)).Concat(await second.FinishAsync(Patience)).ToArray();

        await AssertIntactAsync(database, SeedPolicy);
        await AssertAcknowledgedAsync(database, lines);
        await using var store = new RelationalImageStore(database.OpenInstance());
        foreach (var owner in owners)
        {
            Assert.Equal(10, lines.Count(l => l.EndsWith($" {owner}", StringComparison.Ordinal) && l.StartsWith("created ", StringComparison.Ordinal)));
            Assert.Equal(10, (await ImageStoreContract.CatalogueAsync(store, new CatalogueKey(owner, Sample.Guangzhou.Id))).Catalogue.Length);
        }

        Assert.Equal(5, lines.Count(l => l.StartsWith("shared ", StringComparison.Ordinal)));
        Assert.Equal(50, (await ImageStoreContract.GrantsAsync(store, image.Id)).Length);

        // The provider's codes of CustomImageQuotaExceeded, ShareQuotaExceeded and AccountAlreadyShared.
        Assert.All(
            lines.Where(l => l.StartsWith("refused ", StringComparison.Ordinal)),
            l => Assert.Contains(l["refused ".Length..], new[] { "ImageQuotaLimitExceeded", "OverQuota", "FailedOperation.AccountAlreadyExists" }));
    }

    /// <summary>SQLite finds the file intact and the rules' invariants hold.</summary>
    private static async Task AssertIntactAsync(TestDatabase database, ImagePolicy policy)
    {
        Assert.Equal(0, await database.ScalarAsync("SELECT COUNT(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"));
        Assert.Equal(0, await database.ScalarAsync("SELECT COUNT(*) FROM pragma_foreign_key_check"));
        await StoredInvariants.AssertHoldAsync(database, policy);
    }

    /// <summary>Every write a writer printed as acknowledged is in the database.</summary>
    private static async Task AssertAcknowledgedAsync(TestDatabase database, IEnumerable<string> lines)
    {
        await using var store = new RelationalImageStore(database.OpenInstance());
        foreach (var words in lines.Select(l => l.Split(' ')))
        {
            switch (words[0])
            {
                case "created":
                    Assert.Equal(new AccountId(words[2]), (await store.FindImageAsync(new ImageId(words[1])))?.Owner);
                    break;
                case "completed":
                    Assert.Equal(ImageState.Normal, (await store.FindImageAsync(new ImageId(words[1])))?.State);
                    break;
                case "shared":
                    Assert.NotNull(await ImageStoreContract.GrantAsync(store, new ImageId(words[1]), new AccountId(words[2])));
                    break;
            }
        }
    }
}
