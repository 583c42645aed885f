using System.Collections.Immutable;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Storage;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Storage;

/// <summary><see cref="IImageStore.TryCommitAsync"/>: optimistic, per catalogue, whole or not at all.</summary>
public abstract partial class ImageStoreContract
{
    [Fact]
    public async Task R11_a_catalogue_never_written_is_empty_at_version_0()
    {
        var store = await NewStoreAsync();

        var catalogue = await CatalogueAsync(store, Key(Sample.Alice, Sample.Guangzhou));

        Assert.Equal(0, catalogue.Version);
        Assert.Empty(catalogue.Catalogue);
        Assert.Null(await store.FindImageAsync(new ImageId("img-cust0001")));
    }

    [Fact]
    public async Task R11_a_commit_at_the_expected_version_applies_every_image_and_advances_the_version_by_one()
    {
        var store = await NewStoreAsync();
        var first = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000001", "first");
        var second = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000002", "second");

        Assert.True(await store.TryCommitAsync(Change(Key(Sample.Alice, Sample.Guangzhou), 0) with { Added = [first, second] }));

        var catalogue = await CatalogueAsync(store, Key(Sample.Alice, Sample.Guangzhou));
        Assert.Equal(1, catalogue.Version);
        Assert.Equal(Ids([first, second]), Ids(catalogue.Catalogue));
        Assert.Equal(first, await store.FindImageAsync(first.Id));
        Assert.Contains(second, catalogue.Catalogue);
    }

    [Fact]
    public async Task R11_a_commit_at_a_stale_version_writes_nothing_and_returns_false()
    {
        var store = await NewStoreAsync();
        var key = Key(Sample.Alice, Sample.Guangzhou);
        var kept = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000001", "kept");
        await AddAsync(store, kept);
        var late = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000002", "late");

        var committed = await store.TryCommitAsync(Change(key, 0) with
        {
            Added = [late],
            Updated = [kept with { Name = "renamed" }],
            GrantsAdded = [Sample.Grant(kept, Sample.Bob)],
        });

        Assert.False(committed);
        var catalogue = await CatalogueAsync(store, key);
        Assert.Equal(1, catalogue.Version);
        Assert.Equal(new[] { kept }, catalogue.Catalogue);
        Assert.Null(await store.FindImageAsync(late.Id));
        Assert.Empty(await GrantsAsync(store, kept.Id));
    }

    [Fact]
    public async Task R11_a_commit_at_a_version_not_yet_reached_writes_nothing_and_returns_false()
    {
        var store = await NewStoreAsync();
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);

        Assert.False(await store.TryCommitAsync(Change(Key(Sample.Alice, Sample.Guangzhou), 1) with { Added = [image] }));

        Assert.Equal(0, (await CatalogueAsync(store, Key(Sample.Alice, Sample.Guangzhou))).Version);
        Assert.Null(await store.FindImageAsync(image.Id));
    }

    [Fact]
    public async Task R11_of_many_racing_commits_at_one_version_exactly_one_applies()
    {
        var store = await NewStoreAsync();
        var key = Key(Sample.Alice, Sample.Guangzhou);
        using var start = new ManualResetEventSlim();
        var racers = Enumerable.Range(1, 8).Select(i => Task.Run(async () =>
        {
            start.Wait();
            var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, $"img-r{i:D7}", $"racer-{i}");
            return await store.TryCommitAsync(Change(key, 0) with { Added = [image] });
        })).ToArray();
        start.Set();

        var outcomes = await Task.WhenAll(racers);

        Assert.Single(outcomes, won => won);
        var catalogue = await CatalogueAsync(store, key);
        Assert.Equal(1, catalogue.Version);
        Assert.Single(catalogue.Catalogue);
    }

    [Fact]
    public async Task R11_R12_catalogues_are_versioned_separately_per_owner_and_region()
    {
        var store = await NewStoreAsync();

        await AddAsync(store, Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000001"));
        await AddAsync(store, Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000002", "other"));
        await AddAsync(store, Sample.CustomImage(Sample.Alice, Sample.Shanghai, "img-a0000003"));
        await AddAsync(store, Sample.PublicImage(Sample.Guangzhou, "img-pub00001"));

        Assert.Equal(2, (await CatalogueAsync(store, Key(Sample.Alice, Sample.Guangzhou))).Version);
        Assert.Equal(new[] { new ImageId("img-a0000003") }, Ids((await CatalogueAsync(store, Key(Sample.Alice, Sample.Shanghai))).Catalogue));
        Assert.Equal(1, (await CatalogueAsync(store, Key(Sample.Alice, Sample.Shanghai))).Version);
        Assert.Equal(0, (await CatalogueAsync(store, Key(Sample.Bob, Sample.Guangzhou))).Version);
        Assert.Equal(new[] { new ImageId("img-pub00001") }, Ids((await CatalogueAsync(store, new CatalogueKey(null, Guangzhou))).Catalogue));
    }

    [Fact]
    public async Task R11_a_catalogue_snapshot_does_not_change_after_later_commits()
    {
        var store = await NewStoreAsync();
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);
        await AddAsync(store, image);
        var before = await CatalogueAsync(store, Key(Sample.Alice, Sample.Guangzhou));

        await CommitAsync(store, Key(Sample.Alice, Sample.Guangzhou), c => c with { Updated = [image with { Name = "renamed" }] });
        await AddAsync(store, Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000002", "second"));

        Assert.Equal(1, before.Version);
        Assert.Equal(new[] { image }, before.Catalogue);
    }

    [Fact]
    public async Task R7_an_added_id_already_used_in_another_catalogue_returns_false_and_writes_nothing()
    {
        var store = await NewStoreAsync();
        var bobs = Sample.CustomImage(Sample.Bob, Sample.Shanghai, "img-dup00001", "bobs");
        await AddAsync(store, bobs);
        var fresh = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000001", "fresh");
        var clash = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-dup00001", "clash");

        Assert.False(await store.TryCommitAsync(Change(Key(Sample.Alice, Sample.Guangzhou), 0) with { Added = [fresh, clash] }));

        Assert.Equal(bobs, await store.FindImageAsync(bobs.Id));
        Assert.Null(await store.FindImageAsync(fresh.Id));
        var catalogue = await CatalogueAsync(store, Key(Sample.Alice, Sample.Guangzhou));
        Assert.Equal(0, catalogue.Version);
        Assert.Empty(catalogue.Catalogue);
    }

    [Fact]
    public async Task R7_an_added_id_already_used_in_the_same_catalogue_returns_false_and_writes_nothing()
    {
        var store = await NewStoreAsync();
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);
        await AddAsync(store, image);

        Assert.False(await store.TryCommitAsync(Change(Key(Sample.Alice, Sample.Guangzhou), 1) with { Added = [image with { Name = "again" }] }));

        Assert.Equal(image, await store.FindImageAsync(image.Id));
        Assert.Equal(1, (await CatalogueAsync(store, Key(Sample.Alice, Sample.Guangzhou))).Version);
    }

    [Fact]
    public async Task R16_a_change_that_contradicts_its_catalogue_writes_nothing()
    {
        // The interface asks for false; a store may instead refuse such a caller bug with InvalidOperationException.
        // Either way nothing may be written: here a deletion that would leave a grant behind.
        var store = await NewStoreAsync();
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);
        await AddAsync(store, image);
        await ShareAsync(store, image, Sample.Bob);
        var extra = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000002", "extra");
        var change = Change(Key(Sample.Alice, Sample.Guangzhou), 2) with { Added = [extra], Deleted = [image.Id] };

        var committed = await CommitOrRefuseAsync(store, change);

        Assert.False(committed);
        Assert.Equal(image, await store.FindImageAsync(image.Id));
        Assert.Null(await store.FindImageAsync(extra.Id));
        Assert.Single(await GrantsAsync(store, image.Id));
        Assert.Equal(2, (await CatalogueAsync(store, Key(Sample.Alice, Sample.Guangzhou))).Version);
    }

    [Fact]
    public async Task R7_R11_a_change_adding_one_id_twice_writes_nothing()
    {
        var store = await NewStoreAsync();
        var first = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000001", "first");
        var twice = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000002", "twice");

        var committed = await CommitOrRefuseAsync(store, Change(Key(Sample.Alice, Sample.Guangzhou), 0) with { Added = [first, twice, twice with { Name = "again" }] });

        Assert.False(committed);
        Assert.Null(await store.FindImageAsync(first.Id));
        Assert.Null(await store.FindImageAsync(twice.Id));
        Assert.Equal(0, (await CatalogueAsync(store, Key(Sample.Alice, Sample.Guangzhou))).Version);
    }

    [Fact]
    public async Task R20_R23_a_change_granting_one_recipient_twice_writes_nothing()
    {
        var store = await NewStoreAsync();
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);
        await AddAsync(store, image);
        var change = Change(Key(Sample.Alice, Sample.Guangzhou), 1) with
        {
            GrantsAdded = [Sample.Grant(image, Sample.Carol), Sample.Grant(image, Sample.Bob), Sample.Grant(image, Sample.Bob) with { GrantedAt = Sample.Now.AddSeconds(1) }],
        };

        var committed = await CommitOrRefuseAsync(store, change);

        Assert.False(committed);
        Assert.Empty(await GrantsAsync(store, image.Id));
        Assert.Empty(await HeldAsync(store, Sample.Carol, Guangzhou));
        Assert.Equal(1, (await CatalogueAsync(store, Key(Sample.Alice, Sample.Guangzhou))).Version);
    }

    [Theory]
    [InlineData(false, 2)]
    [InlineData(false, 3)]
    [InlineData(true, 3)]
    public async Task R20_R23_a_change_granting_one_recipient_two_images_commits_and_one_granting_an_image_twice_among_others_writes_nothing(bool repeat, int grants)
    {
        var store = await NewStoreAsync();
        var first = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000001");
        var second = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000002");
        await AddAsync(store, first, second);
        ShareGrant[] made = [Sample.Grant(first, Sample.Bob), Sample.Grant(second, Sample.Bob), repeat ? Sample.Grant(first, Sample.Bob) : Sample.Grant(first, Sample.Carol)];
        var change = Change(Key(Sample.Alice, Sample.Guangzhou), 1) with { GrantsAdded = [.. made.Take(grants)] };

        var committed = await CommitOrRefuseAsync(store, change);

        Assert.Equal(!repeat, committed);
        Assert.Equal(repeat ? 0 : grants, (await GrantsAsync(store, first.Id)).Length + (await GrantsAsync(store, second.Id)).Length);
    }

    [Fact]
    public async Task R16_a_change_removing_one_grant_twice_to_delete_its_image_writes_nothing()
    {
        // Counting the removed grants would see two for an image holding two: Carol's grant would outlive its image.
        var store = await NewStoreAsync();
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);
        await AddAsync(store, image);
        var toBob = await ShareAsync(store, image, Sample.Bob);
        await ShareAsync(store, image, Sample.Carol);
        var change = Change(Key(Sample.Alice, Sample.Guangzhou), 3) with { GrantsRemoved = [toBob, toBob], Deleted = [image.Id] };

        var committed = await CommitOrRefuseAsync(store, change);

        Assert.False(committed);
        Assert.Equal(image, await store.FindImageAsync(image.Id));
        Assert.Equal(2, (await GrantsAsync(store, image.Id)).Length);
    }

    [Fact]
    public async Task R12_an_updated_image_replaces_the_stored_one_everywhere()
    {
        var store = await NewStoreAsync();
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);
        await AddAsync(store, image);
        var renamed = image with { Name = "renamed", Description = "new description", State = ImageState.SyncFailed };

        await CommitAsync(store, Key(Sample.Alice, Sample.Guangzhou), c => c with { Updated = [renamed] });

        Assert.Equal(renamed, await store.FindImageAsync(image.Id));
        Assert.Equal(new[] { renamed }, (await CatalogueAsync(store, Key(Sample.Alice, Sample.Guangzhou))).Catalogue);
        Assert.Equal(new[] { renamed }, await QueryAsync(store, Sample.Alice, Guangzhou, ImageFilter.None));
    }

    [Fact]
    public async Task R11_R16_a_deleted_image_is_gone_and_its_slot_is_free()
    {
        var store = await NewStoreAsync();
        var deleted = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000001", "deleted");
        var kept = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000002", "kept");
        await AddAsync(store, deleted, kept);

        await CommitAsync(store, Key(Sample.Alice, Sample.Guangzhou), c => c with { Deleted = [deleted.Id] });

        Assert.Null(await store.FindImageAsync(deleted.Id));
        var catalogue = await CatalogueAsync(store, Key(Sample.Alice, Sample.Guangzhou));
        Assert.Equal(2, catalogue.Version);
        Assert.Equal(new[] { kept }, catalogue.Catalogue);
        Assert.Equal(new[] { kept }, await QueryAsync(store, Sample.Alice, Guangzhou, ImageFilter.None));
    }

    [Fact]
    public async Task R11_a_catalogue_emptied_by_deletes_keeps_counting_its_version()
    {
        // A version that fell back to 0 would let a decision made before the delete commit after it (ABA).
        var store = await NewStoreAsync();
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);
        await AddAsync(store, image);

        await CommitAsync(store, Key(Sample.Alice, Sample.Guangzhou), c => c with { Deleted = [image.Id] });

        var catalogue = await CatalogueAsync(store, Key(Sample.Alice, Sample.Guangzhou));
        Assert.Equal(2, catalogue.Version);
        Assert.Empty(catalogue.Catalogue);
        Assert.False(await store.TryCommitAsync(Change(Key(Sample.Alice, Sample.Guangzhou), 0) with { Added = [image] }));
    }

    [Fact]
    public async Task R20_grants_added_are_visible_through_every_grant_query_and_advance_the_catalogue_version()
    {
        var store = await NewStoreAsync();
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);
        await AddAsync(store, image);
        var toBob = Sample.Grant(image, Sample.Bob);
        var toCarol = Sample.Grant(image, Sample.Carol);

        await CommitAsync(store, Key(Sample.Alice, Sample.Guangzhou), c => c with { GrantsAdded = [toBob, toCarol] });

        Assert.Equal(2, (await CatalogueAsync(store, Key(Sample.Alice, Sample.Guangzhou))).Version);
        Assert.Equal(new[] { toBob, toCarol }.ToHashSet(), (await GrantsAsync(store, image.Id)).ToHashSet());
        Assert.Equal(new[] { image.Id }, await HeldAsync(store, Sample.Bob, Guangzhou));
        Assert.Equal(toCarol, await GrantAsync(store, image.Id, Sample.Carol.Id));
        Assert.Null(await GrantAsync(store, image.Id, Sample.Sam.Id));
    }

    [Fact]
    public async Task R24_grants_removed_are_gone_from_every_grant_query_and_advance_the_catalogue_version()
    {
        var store = await NewStoreAsync();
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);
        await AddAsync(store, image);
        var toBob = await ShareAsync(store, image, Sample.Bob);
        var toCarol = await ShareAsync(store, image, Sample.Carol);

        await CommitAsync(store, Key(Sample.Alice, Sample.Guangzhou), c => c with { GrantsRemoved = [toBob] });

        Assert.Equal(4, (await CatalogueAsync(store, Key(Sample.Alice, Sample.Guangzhou))).Version);
        Assert.Equal(new[] { toCarol }, await GrantsAsync(store, image.Id));
        Assert.Empty(await HeldAsync(store, Sample.Bob, Guangzhou));
        Assert.Null(await GrantAsync(store, image.Id, Sample.Bob.Id));
        Assert.Empty(await QueryAsync(store, Sample.Bob, Guangzhou, ImageFilter.None));
    }

    [Fact]
    public async Task R16_R24_an_image_and_its_last_grants_go_in_one_change()
    {
        var store = await NewStoreAsync();
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);
        await AddAsync(store, image);
        var grant = await ShareAsync(store, image, Sample.Bob);

        await CommitAsync(store, Key(Sample.Alice, Sample.Guangzhou), c => c with { GrantsRemoved = [grant], Deleted = [image.Id] });

        Assert.Null(await store.FindImageAsync(image.Id));
        Assert.Empty(await GrantsAsync(store, image.Id));
        Assert.Empty(await HeldAsync(store, Sample.Bob, Guangzhou));
        Assert.Null(await GrantAsync(store, image.Id, Sample.Bob.Id));
    }

    [Fact]
    public async Task R5_R22_grants_held_are_listed_per_region_of_the_image()
    {
        var store = await NewStoreAsync();
        var inGuangzhou = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000001");
        var inShanghai = Sample.CustomImage(Sample.Alice, Sample.Shanghai, "img-a0000002");
        var carols = Sample.CustomImage(Sample.Carol, Sample.Guangzhou, "img-c0000001");
        await AddAsync(store, inGuangzhou, inShanghai, carols);
        var bobInGuangzhou = await ShareAsync(store, inGuangzhou, Sample.Bob);
        var bobInShanghai = await ShareAsync(store, inShanghai, Sample.Bob);
        var bobFromCarol = await ShareAsync(store, carols, Sample.Bob);
        await ShareAsync(store, inGuangzhou, Sample.Carol);

        Assert.Equal(ImmutableHashSet.Create(bobInGuangzhou.ImageId, bobFromCarol.ImageId), await HeldAsync(store, Sample.Bob, Guangzhou));
        Assert.Equal(new[] { bobInShanghai.ImageId }, await HeldAsync(store, Sample.Bob, Shanghai));
        Assert.Empty(await HeldAsync(store, Sample.Bob, Sample.Singapore.Id));
        Assert.Empty(await HeldAsync(store, Sample.Alice, Guangzhou));
    }

    [Fact]
    public async Task R27_grants_of_one_image_list_only_that_image()
    {
        var store = await NewStoreAsync();
        var first = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000001", "first");
        var second = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000002", "second");
        await AddAsync(store, first, second);
        var grant = await ShareAsync(store, first, Sample.Bob);
        await ShareAsync(store, second, Sample.Carol);

        Assert.Equal(new[] { grant }, await GrantsAsync(store, first.Id));
        Assert.Null(await GrantAsync(store, first.Id, Sample.Carol.Id));
        Assert.Empty(await GrantsAsync(store, new ImageId("img-nothere1")));
    }
}
