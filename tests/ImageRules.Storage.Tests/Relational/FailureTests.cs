using System.Data.Common;
using ImageRules.Relational;
using ImageRules.Storage.Tests.Support;
using ImageRules.Tests.Storage;
using ImageRules.Tests.Support;

namespace ImageRules.Storage.Tests;

/// <summary>
/// Database errors are classified, alike on every engine: a constraint the data itself breaks is thrown as the
/// database's error, never answered as a lost race (which the service would retry and report as
/// <c>FailedOperation.ConcurrentModification</c>).
/// </summary>
public class FailureTests
{
    [Fact]
    public async Task R11_a_change_that_breaks_a_constraint_is_thrown_as_the_database_error_not_answered_as_a_lost_race()
    {
        var database = await TestDatabase.CreateAsync();
        await using var store = new RelationalImageStore(database.OpenInstance());
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou) with { Id = default };

        var thrown = await Assert.ThrowsAnyAsync<DbException>(async () =>
            await store.TryCommitAsync(new CatalogueChange { Key = CatalogueKey.Of(image), ExpectedVersion = 0, Added = [image] }));

        await using var engine = database.OpenInstance();
        Assert.Equal((false, false), Classification.Of(engine, thrown));
        Assert.Equal(0, (await ImageStoreContract.CatalogueAsync(store, CatalogueKey.Of(image))).Version);
    }
}
