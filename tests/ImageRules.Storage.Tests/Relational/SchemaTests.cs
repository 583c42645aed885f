using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Relational;
using ImageRules.Storage.Tests.Support;
using ImageRules.Tests.Storage;
using ImageRules.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ImageRules.Storage.Tests;

/// <summary>
/// The schema is created or upgraded by the stores themselves on first use: once, even when several instances start
/// together on a new database, and never over a database written by a newer library.
/// </summary>
public class SchemaTests
{
    [Fact]
    public async Task R11_instances_starting_together_on_a_new_database_create_the_schema_once_and_keep_the_quota()
    {
        var database = await TestDatabase.CreateAsync();
        var instances = Enumerable.Range(0, 4).Select(_ => ServiceInstance.Over(database)).ToArray();
        try
        {
            // Every instance's first operation upgrades the schema; the seeding instance's first one is a save.
            var results = await Task.WhenAll(instances.Select((instance, i) => Task.Run(async () =>
            {
                if (i == 0)
                {
                    await instance.SeedAsync();
                }
                else
                {
                    await instance.Database.EnsureSchemaAsync();
                }

                return await Task.WhenAll(Enumerable.Range(0, 4).Select(n => instance.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, $"i{i}-{n}")).AsTask()));
            })));

            var outcomes = results.SelectMany(r => r).ToArray();
            Assert.True(outcomes.Count(o => o.IsSuccess) <= 10);
            Assert.All(outcomes.Where(o => !o.IsSuccess), o => Assert.True(o.Failure is CustomImageQuotaExceeded or AccountNotFound or RegionNotFound, o.Failure!.ToString()));
            Assert.Equal(1, await database.ScalarAsync("SELECT COUNT(*) FROM schema_version"));
            Assert.Equal(RelationalDatabase.SchemaVersion, await database.ScalarAsync("SELECT version FROM schema_version"));
            Assert.Equal(outcomes.Count(o => o.IsSuccess), (await ImageStoreContract.CatalogueAsync(instances[0].Images, new CatalogueKey(Sample.Alice.Id, Sample.Guangzhou.Id))).Catalogue.Length);
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task R11_R20_a_database_opened_again_keeps_every_image_grant_and_version()
    {
        var database = await TestDatabase.CreateAsync();
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);
        var grant = Sample.Grant(image, Sample.Bob);
        await using (var before = ServiceInstance.Over(database))
        {
            await before.SeedAsync();
            Assert.True(await before.Images.TryCommitAsync(new CatalogueChange { Key = CatalogueKey.Of(image), ExpectedVersion = 0, Added = [image] }));
            Assert.True(await before.Images.TryCommitAsync(new CatalogueChange { Key = CatalogueKey.Of(image), ExpectedVersion = 1, GrantsAdded = [grant] }));
        }

        await using var after = ServiceInstance.Over(database);
        await after.Database.EnsureSchemaAsync();

        var catalogue = await ImageStoreContract.CatalogueAsync(after.Images, CatalogueKey.Of(image));
        Assert.Equal((2L, image), (catalogue.Version, Assert.Single(catalogue.Catalogue)));
        Assert.Equal(grant, await ImageStoreContract.GrantAsync(after.Images, image.Id, Sample.Bob.Id));
        Assert.Equal(1, (await after.Service.DescribeQuotaAsync(new DescribeQuota(Sample.Alice.Id, Sample.Guangzhou.Id))).Value.Used);
        Assert.Equal(1, await database.ScalarAsync("SELECT COUNT(*) FROM schema_version"));
    }

    [Fact]
    public async Task R11_an_instance_reads_the_schema_version_again_every_interval_and_stops_writing_once_a_newer_instance_moved_it()
    {
        var database = await TestDatabase.CreateAsync();
        var clock = new FakeTimeProvider();
        await using var older = ServiceInstance.Using(database.OpenInstance(clock));
        await older.SeedAsync();
        var newer = RelationalDatabase.SchemaVersion + 1;

        await database.ExecuteAsync($"UPDATE schema_version SET version = {newer}");
        Assert.True((await older.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, "within the interval"))).IsSuccess);
        clock.Advance(TimeSpan.FromSeconds(30));
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(async () => await older.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, "after it")));

        Assert.Equal(
            $"the database's schema is at version {newer}, newer than the {RelationalDatabase.SchemaVersion} this ImageRules storage package knows: upgrade the package",
            refused.Message);
        Assert.Equal(1, await database.ScalarAsync("SELECT COUNT(*) FROM images"));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await older.Images.FindImageAsync(Sample.CustomImage(Sample.Alice, Sample.Guangzhou).Id));
    }

    [Fact]
    public async Task R11_a_database_error_has_the_schema_version_read_again_and_a_newer_schema_named_as_its_cause()
    {
        var database = await TestDatabase.CreateAsync();
        await using var older = ServiceInstance.Using(database.OpenInstance(new FakeTimeProvider()));
        await older.SeedAsync();
        var newer = RelationalDatabase.SchemaVersion + 1;

        // What a newer library's migration might do: a column this library reads and writes is renamed.
        await database.ExecuteAsync("ALTER TABLE images RENAME COLUMN description TO summary");
        await database.ExecuteAsync($"UPDATE schema_version SET version = {newer}");
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(async () => await older.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou)));

        Assert.Contains($"schema is at version {newer}, newer than the {RelationalDatabase.SchemaVersion}", refused.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<System.Data.Common.DbException>(refused.InnerException);
        Assert.Equal(0, await database.ScalarAsync("SELECT COUNT(*) FROM images"));
    }

    [Fact]
    public async Task R11_a_database_whose_schema_is_newer_than_the_library_is_refused_and_left_untouched()
    {
        var database = await TestDatabase.CreateAsync();
        await using (var writer = ServiceInstance.Over(database))
        {
            await writer.SeedAsync();
        }

        await database.ExecuteAsync($"UPDATE schema_version SET version = {RelationalDatabase.SchemaVersion + 1}");
        await using var older = ServiceInstance.Over(database);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(async () => await older.Database.EnsureSchemaAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await older.Images.LoadFactsAsync(new FactsQuery(Sample.Alice.Id, Sample.Guangzhou.Id) { Catalogue = new CatalogueKey(Sample.Alice.Id, Sample.Guangzhou.Id) }));

        Assert.Contains("newer", refused.Message, StringComparison.Ordinal);
        Assert.Equal(RelationalDatabase.SchemaVersion + 1, await database.ScalarAsync("SELECT version FROM schema_version"));
        Assert.Equal(Sample.Accounts.Count, await database.ScalarAsync("SELECT COUNT(*) FROM accounts"));
    }
}
