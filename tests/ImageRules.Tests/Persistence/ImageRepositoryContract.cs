using System.Collections.Immutable;
using ImageRules.Domain;
using ImageRules.Persistence;
using ImageRules.Policy;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Persistence;

/// <summary>
/// What every image store must do, tested only through <see cref="IImageRepository"/> and
/// <see cref="IShareGrantRepository"/>: a store subclasses this once and supplies a fresh, empty instance. The store is
/// one object implementing both interfaces, because grants are written with their image's catalogue.
/// </summary>
/// <typeparam name="TStore">The store under test.</typeparam>
public abstract class ImageRepositoryContract<TStore>
    where TStore : IImageRepository, IShareGrantRepository
{
    private static readonly RegionId Guangzhou = Sample.Guangzhou.Id;
    private static readonly RegionId Shanghai = Sample.Shanghai.Id;

    /// <summary>A new store holding nothing.</summary>
    protected abstract ValueTask<TStore> CreateStoreAsync();

    [Fact]
    public async Task R11_a_catalogue_never_written_is_empty_at_version_0()
    {
        var store = await CreateStoreAsync();

        var catalogue = await store.GetCatalogueAsync(Key(Sample.Alice, Sample.Guangzhou));

        Assert.Equal(Key(Sample.Alice, Sample.Guangzhou), catalogue.Key);
        Assert.Equal(0, catalogue.Version);
        Assert.Empty(catalogue.Images);
        Assert.Null(await store.FindAsync(new ImageId("img-cust0001")));
    }

    [Fact]
    public async Task R11_a_commit_at_the_expected_version_applies_every_image_and_advances_the_version_by_one()
    {
        var store = await CreateStoreAsync();
        var first = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000001", "first");
        var second = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000002", "second");

        Assert.True(await store.TryCommitAsync(Change(Key(Sample.Alice, Sample.Guangzhou), 0) with { Added = [first, second] }));

        var catalogue = await store.GetCatalogueAsync(Key(Sample.Alice, Sample.Guangzhou));
        Assert.Equal(1, catalogue.Version);
        Assert.Equal(new[] { first.Id, second.Id }, Ids(catalogue.Images));
        Assert.Equal(first, await store.FindAsync(first.Id));
        Assert.Equal(second, catalogue.Find(second.Id));
    }

    [Fact]
    public async Task R11_a_commit_at_a_stale_version_writes_nothing_and_returns_false()
    {
        var store = await CreateStoreAsync();
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
        var catalogue = await store.GetCatalogueAsync(key);
        Assert.Equal(1, catalogue.Version);
        Assert.Equal(new[] { kept }, catalogue.Images);
        Assert.Null(await store.FindAsync(late.Id));
        Assert.Empty(await store.ListForImageAsync(kept.Id));
    }

    [Fact]
    public async Task R11_a_commit_at_a_version_not_yet_reached_writes_nothing_and_returns_false()
    {
        var store = await CreateStoreAsync();
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);

        Assert.False(await store.TryCommitAsync(Change(Key(Sample.Alice, Sample.Guangzhou), 1) with { Added = [image] }));

        Assert.Equal(0, (await store.GetCatalogueAsync(Key(Sample.Alice, Sample.Guangzhou))).Version);
        Assert.Null(await store.FindAsync(image.Id));
    }

    [Fact]
    public async Task R11_of_many_racing_commits_at_one_version_exactly_one_applies()
    {
        var store = await CreateStoreAsync();
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
        var catalogue = await store.GetCatalogueAsync(key);
        Assert.Equal(1, catalogue.Version);
        Assert.Single(catalogue.Images);
    }

    [Fact]
    public async Task R11_R12_catalogues_are_versioned_separately_per_owner_and_region()
    {
        var store = await CreateStoreAsync();

        await AddAsync(store, Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000001"));
        await AddAsync(store, Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000002", "other"));
        await AddAsync(store, Sample.CustomImage(Sample.Alice, Sample.Shanghai, "img-a0000003"));
        await AddAsync(store, Sample.PublicImage(Sample.Guangzhou, "img-pub00001"));

        Assert.Equal(2, (await store.GetCatalogueAsync(Key(Sample.Alice, Sample.Guangzhou))).Version);
        Assert.Equal(new[] { new ImageId("img-a0000003") }, Ids((await store.GetCatalogueAsync(Key(Sample.Alice, Sample.Shanghai))).Images));
        Assert.Equal(1, (await store.GetCatalogueAsync(Key(Sample.Alice, Sample.Shanghai))).Version);
        Assert.Equal(0, (await store.GetCatalogueAsync(Key(Sample.Bob, Sample.Guangzhou))).Version);
        Assert.Equal(new[] { new ImageId("img-pub00001") }, Ids((await store.GetCatalogueAsync(new CatalogueKey(null, Guangzhou))).Images));
    }

    [Fact]
    public async Task R11_a_catalogue_snapshot_does_not_change_after_later_commits()
    {
        var store = await CreateStoreAsync();
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);
        await AddAsync(store, image);
        var before = await store.GetCatalogueAsync(Key(Sample.Alice, Sample.Guangzhou));

        await CommitAsync(store, before.Key, c => c with { Updated = [image with { Name = "renamed" }] });
        await AddAsync(store, Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000002", "second"));

        Assert.Equal(1, before.Version);
        Assert.Equal(new[] { image }, before.Images);
    }

    [Fact]
    public async Task R7_an_added_id_already_used_in_another_catalogue_returns_false_and_writes_nothing()
    {
        var store = await CreateStoreAsync();
        var bobs = Sample.CustomImage(Sample.Bob, Sample.Shanghai, "img-dup00001", "bobs");
        await AddAsync(store, bobs);
        var fresh = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000001", "fresh");
        var clash = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-dup00001", "clash");

        Assert.False(await store.TryCommitAsync(Change(Key(Sample.Alice, Sample.Guangzhou), 0) with { Added = [fresh, clash] }));

        Assert.Equal(bobs, await store.FindAsync(bobs.Id));
        Assert.Null(await store.FindAsync(fresh.Id));
        var catalogue = await store.GetCatalogueAsync(Key(Sample.Alice, Sample.Guangzhou));
        Assert.Equal(0, catalogue.Version);
        Assert.Empty(catalogue.Images);
    }

    [Fact]
    public async Task R7_an_added_id_already_used_in_the_same_catalogue_returns_false_and_writes_nothing()
    {
        var store = await CreateStoreAsync();
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);
        await AddAsync(store, image);

        Assert.False(await store.TryCommitAsync(Change(Key(Sample.Alice, Sample.Guangzhou), 1) with { Added = [image with { Name = "again" }] }));

        Assert.Equal(image, await store.FindAsync(image.Id));
        Assert.Equal(1, (await store.GetCatalogueAsync(Key(Sample.Alice, Sample.Guangzhou))).Version);
    }

    [Fact]
    public async Task R16_a_change_that_contradicts_its_catalogue_writes_nothing()
    {
        // The interface asks for false; a store may instead refuse such a caller bug with InvalidOperationException.
        // Either way nothing may be written: here a deletion that would leave a grant behind.
        var store = await CreateStoreAsync();
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);
        await AddAsync(store, image);
        await ShareAsync(store, image, Sample.Bob);
        var extra = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000002", "extra");
        var change = Change(Key(Sample.Alice, Sample.Guangzhou), 2) with { Added = [extra], Deleted = [image.Id] };

        var committed = await CommitOrRefuseAsync(store, change);

        Assert.False(committed);
        Assert.Equal(image, await store.FindAsync(image.Id));
        Assert.Null(await store.FindAsync(extra.Id));
        Assert.Single(await store.ListForImageAsync(image.Id));
        Assert.Equal(2, (await store.GetCatalogueAsync(Key(Sample.Alice, Sample.Guangzhou))).Version);
    }

    [Fact]
    public async Task R7_R11_a_change_adding_one_id_twice_writes_nothing()
    {
        var store = await CreateStoreAsync();
        var first = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000001", "first");
        var twice = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000002", "twice");

        var committed = await CommitOrRefuseAsync(store, Change(Key(Sample.Alice, Sample.Guangzhou), 0) with { Added = [first, twice, twice with { Name = "again" }] });

        Assert.False(committed);
        Assert.Null(await store.FindAsync(first.Id));
        Assert.Null(await store.FindAsync(twice.Id));
        Assert.Equal(0, (await store.GetCatalogueAsync(Key(Sample.Alice, Sample.Guangzhou))).Version);
    }

    [Fact]
    public async Task R20_R23_a_change_granting_one_recipient_twice_writes_nothing()
    {
        var store = await CreateStoreAsync();
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);
        await AddAsync(store, image);
        var change = Change(Key(Sample.Alice, Sample.Guangzhou), 1) with
        {
            GrantsAdded = [Sample.Grant(image, Sample.Carol), Sample.Grant(image, Sample.Bob), Sample.Grant(image, Sample.Bob) with { GrantedAt = Sample.Now.AddSeconds(1) }],
        };

        var committed = await CommitOrRefuseAsync(store, change);

        Assert.False(committed);
        Assert.Empty(await store.ListForImageAsync(image.Id));
        Assert.Empty(await store.ListHeldAsync(Sample.Carol.Id, Guangzhou));
        Assert.Equal(1, (await store.GetCatalogueAsync(Key(Sample.Alice, Sample.Guangzhou))).Version);
    }

    [Fact]
    public async Task R16_a_change_removing_one_grant_twice_to_delete_its_image_writes_nothing()
    {
        // Counting the removed grants would see two for an image holding two: Carol's grant would outlive its image.
        var store = await CreateStoreAsync();
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);
        await AddAsync(store, image);
        var toBob = await ShareAsync(store, image, Sample.Bob);
        await ShareAsync(store, image, Sample.Carol);
        var change = Change(Key(Sample.Alice, Sample.Guangzhou), 3) with { GrantsRemoved = [toBob, toBob], Deleted = [image.Id] };

        var committed = await CommitOrRefuseAsync(store, change);

        Assert.False(committed);
        Assert.Equal(image, await store.FindAsync(image.Id));
        Assert.Equal(2, (await store.ListForImageAsync(image.Id)).Length);
    }

    [Fact]
    public async Task R12_an_updated_image_replaces_the_stored_one_everywhere()
    {
        var store = await CreateStoreAsync();
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);
        await AddAsync(store, image);
        var renamed = image with { Name = "renamed", Description = "new description", State = ImageState.SyncFailed };

        await CommitAsync(store, Key(Sample.Alice, Sample.Guangzhou), c => c with { Updated = [renamed] });

        Assert.Equal(renamed, await store.FindAsync(image.Id));
        Assert.Equal(new[] { renamed }, (await store.GetCatalogueAsync(Key(Sample.Alice, Sample.Guangzhou))).Images);
        Assert.Equal(new[] { renamed }, await QueryAsync(store, Sample.Alice, Guangzhou, ImageFilter.None));
    }

    [Fact]
    public async Task R11_R16_a_deleted_image_is_gone_and_its_slot_is_free()
    {
        var store = await CreateStoreAsync();
        var deleted = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000001", "deleted");
        var kept = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000002", "kept");
        await AddAsync(store, deleted, kept);

        await CommitAsync(store, Key(Sample.Alice, Sample.Guangzhou), c => c with { Deleted = [deleted.Id] });

        Assert.Null(await store.FindAsync(deleted.Id));
        var catalogue = await store.GetCatalogueAsync(Key(Sample.Alice, Sample.Guangzhou));
        Assert.Equal(2, catalogue.Version);
        Assert.Equal(new[] { kept }, catalogue.Images);
        Assert.Equal(new[] { kept }, await QueryAsync(store, Sample.Alice, Guangzhou, ImageFilter.None));
    }

    [Fact]
    public async Task R11_a_catalogue_emptied_by_deletes_keeps_counting_its_version()
    {
        // A version that fell back to 0 would let a decision made before the delete commit after it (ABA).
        var store = await CreateStoreAsync();
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);
        await AddAsync(store, image);

        await CommitAsync(store, Key(Sample.Alice, Sample.Guangzhou), c => c with { Deleted = [image.Id] });

        var catalogue = await store.GetCatalogueAsync(Key(Sample.Alice, Sample.Guangzhou));
        Assert.Equal(2, catalogue.Version);
        Assert.Empty(catalogue.Images);
        Assert.False(await store.TryCommitAsync(Change(catalogue.Key, 0) with { Added = [image] }));
    }

    [Fact]
    public async Task R20_grants_added_are_visible_through_every_grant_query_and_advance_the_catalogue_version()
    {
        var store = await CreateStoreAsync();
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);
        await AddAsync(store, image);
        var toBob = Sample.Grant(image, Sample.Bob);
        var toCarol = Sample.Grant(image, Sample.Carol);

        await CommitAsync(store, Key(Sample.Alice, Sample.Guangzhou), c => c with { GrantsAdded = [toBob, toCarol] });

        Assert.Equal(2, (await store.GetCatalogueAsync(Key(Sample.Alice, Sample.Guangzhou))).Version);
        Assert.Equal(new[] { toBob, toCarol }.ToHashSet(), (await store.ListForImageAsync(image.Id)).ToHashSet());
        Assert.Equal(new[] { toBob }, await store.ListHeldAsync(Sample.Bob.Id, Guangzhou));
        Assert.Equal(toCarol, await store.FindAsync(image.Id, Sample.Carol.Id));
        Assert.Null(await store.FindAsync(image.Id, Sample.Sam.Id));
    }

    [Fact]
    public async Task R24_grants_removed_are_gone_from_every_grant_query_and_advance_the_catalogue_version()
    {
        var store = await CreateStoreAsync();
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);
        await AddAsync(store, image);
        var toBob = await ShareAsync(store, image, Sample.Bob);
        var toCarol = await ShareAsync(store, image, Sample.Carol);

        await CommitAsync(store, Key(Sample.Alice, Sample.Guangzhou), c => c with { GrantsRemoved = [toBob] });

        Assert.Equal(4, (await store.GetCatalogueAsync(Key(Sample.Alice, Sample.Guangzhou))).Version);
        Assert.Equal(new[] { toCarol }, await store.ListForImageAsync(image.Id));
        Assert.Empty(await store.ListHeldAsync(Sample.Bob.Id, Guangzhou));
        Assert.Null(await store.FindAsync(image.Id, Sample.Bob.Id));
        Assert.Empty(await QueryAsync(store, Sample.Bob, Guangzhou, ImageFilter.None));
    }

    [Fact]
    public async Task R16_R24_an_image_and_its_last_grants_go_in_one_change()
    {
        var store = await CreateStoreAsync();
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);
        await AddAsync(store, image);
        var grant = await ShareAsync(store, image, Sample.Bob);

        await CommitAsync(store, Key(Sample.Alice, Sample.Guangzhou), c => c with { GrantsRemoved = [grant], Deleted = [image.Id] });

        Assert.Null(await store.FindAsync(image.Id));
        Assert.Empty(await store.ListForImageAsync(image.Id));
        Assert.Empty(await store.ListHeldAsync(Sample.Bob.Id, Guangzhou));
        Assert.Null(await store.FindAsync(image.Id, Sample.Bob.Id));
    }

    [Fact]
    public async Task R5_R22_grants_held_are_listed_per_region_of_the_image()
    {
        var store = await CreateStoreAsync();
        var inGuangzhou = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000001");
        var inShanghai = Sample.CustomImage(Sample.Alice, Sample.Shanghai, "img-a0000002");
        var carols = Sample.CustomImage(Sample.Carol, Sample.Guangzhou, "img-c0000001");
        await AddAsync(store, inGuangzhou, inShanghai, carols);
        var bobInGuangzhou = await ShareAsync(store, inGuangzhou, Sample.Bob);
        var bobInShanghai = await ShareAsync(store, inShanghai, Sample.Bob);
        var bobFromCarol = await ShareAsync(store, carols, Sample.Bob);
        await ShareAsync(store, inGuangzhou, Sample.Carol);

        Assert.Equal(new[] { bobInGuangzhou, bobFromCarol }.ToHashSet(), (await store.ListHeldAsync(Sample.Bob.Id, Guangzhou)).ToHashSet());
        Assert.Equal(new[] { bobInShanghai }, await store.ListHeldAsync(Sample.Bob.Id, Shanghai));
        Assert.Empty(await store.ListHeldAsync(Sample.Bob.Id, Sample.Singapore.Id));
        Assert.Empty(await store.ListHeldAsync(Sample.Alice.Id, Guangzhou));
    }

    [Fact]
    public async Task R27_grants_of_one_image_list_only_that_image()
    {
        var store = await CreateStoreAsync();
        var first = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000001", "first");
        var second = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000002", "second");
        await AddAsync(store, first, second);
        var grant = await ShareAsync(store, first, Sample.Bob);
        await ShareAsync(store, second, Sample.Carol);

        Assert.Equal(new[] { grant }, await store.ListForImageAsync(first.Id));
        Assert.Null(await store.FindAsync(first.Id, Sample.Carol.Id));
        Assert.Empty(await store.ListForImageAsync(new ImageId("img-nothere1")));
    }

    [Fact]
    public async Task R3_R4_R5_a_viewer_sees_public_own_and_granted_images_of_the_region_only()
    {
        var world = await VisibilityWorld.CreateAsync(await CreateStoreAsync());

        var seen = await world.Store.QueryVisibleAsync(Sample.Alice.Id, Guangzhou, ImageFilter.None, PageRequest.First);

        Assert.Equal(
            new Dictionary<ImageId, ImageKind>
            {
                [world.PublicUbuntu.Id] = ImageKind.Public,
                [world.PublicWindows.Id] = ImageKind.Public,
                [world.AliceLinux.Id] = ImageKind.Custom,
                [world.AliceFailed.Id] = ImageKind.Custom,
                [world.BobSharedWithAlice.Id] = ImageKind.Shared,
            },
            seen.Items.ToDictionary(v => v.Image.Id, v => v.Kind));
        Assert.Equal(5, seen.TotalCount);
    }

    [Fact]
    public async Task R4_R5_a_grant_shows_its_image_to_the_recipient_in_the_image_region_only()
    {
        var world = await VisibilityWorld.CreateAsync(await CreateStoreAsync());

        var inShanghai = await QueryAsync(world.Store, Sample.Alice, Shanghai, ImageFilter.None);
        var bobsView = await QueryAsync(world.Store, Sample.Bob, Guangzhou, new ImageFilter { Kind = ImageKind.Custom });

        Assert.Equal(new[] { world.PublicShanghai, world.AliceShanghai, world.BobInShanghaiSharedWithAlice }.ToHashSet(), inShanghai.ToHashSet());
        Assert.Equal(new[] { world.BobSharedWithAlice, world.BobPrivate }.ToHashSet(), bobsView.ToHashSet());
    }

    [Fact]
    public async Task R6_a_viewer_that_holds_no_grant_sees_only_public_images()
    {
        var world = await VisibilityWorld.CreateAsync(await CreateStoreAsync());

        var seen = await QueryAsync(world.Store, Sample.Sam, Guangzhou, ImageFilter.None);

        Assert.Equal(new[] { world.PublicUbuntu, world.PublicWindows }.ToHashSet(), seen.ToHashSet());
    }

    [Theory]
    [InlineData("kind public")]
    [InlineData("kind custom")]
    [InlineData("kind shared")]
    [InlineData("os family windows")]
    [InlineData("platform, any case")]
    [InlineData("architecture i386")]
    [InlineData("state")]
    [InlineData("name contains, any case")]
    [InlineData("image ids, unseen ones ignored")]
    [InlineData("image ids and kind")]
    [InlineData("no image ids")]
    [InlineData("filters combine")]
    [InlineData("nothing matches")]
    public async Task R2_each_listing_filter_keeps_exactly_the_matching_visible_images(string filterCase)
    {
        var world = await VisibilityWorld.CreateAsync(await CreateStoreAsync());
        var (filter, expected) = VisibilityWorld.FilterCases[filterCase](world);

        var seen = await world.Store.QueryVisibleAsync(Sample.Alice.Id, Guangzhou, filter, PageRequest.First);

        Assert.Equal(expected.Select(i => i.Id).ToHashSet(), seen.Items.Select(v => v.Image.Id).ToHashSet());
        Assert.Equal(expected.Count, seen.TotalCount);
    }

    [Theory]
    [InlineData("%", "100% cpu")]
    [InlineData("_", "web_server")]
    [InlineData("\\", "c:\\images")]
    [InlineData("[a]", "set [a]")]
    [InlineData("'", "o'brien")]
    public async Task R2_name_filter_matches_wildcard_characters_literally(string contains, string onlyMatch)
    {
        var store = await CreateStoreAsync();
        string[] names = ["100% cpu", "web_server", "webxserver", "c:\\images", "set [a]", "set a", "o'brien", "obrien"];
        await AddAsync(store, [.. names.Select((name, i) => Sample.CustomImage(Sample.Alice, Sample.Guangzhou, $"img-w{i:D7}", name))]);

        var seen = await QueryAsync(store, Sample.Alice, Guangzhou, new ImageFilter { NameContains = contains });

        Assert.Equal(new[] { onlyMatch }, seen.Select(i => i.Name));
    }

    [Fact]
    public async Task R2_pages_skip_and_take_in_a_stable_order_and_count_every_match()
    {
        var store = await CreateStoreAsync();
        await AddAsync(store, [.. Enumerable.Range(1, 25).Select(i => Aged(Sample.CustomImage(Sample.Alice, Sample.Guangzhou, $"img-p{i:D7}", $"image-{i}"), i % 7))]);
        var all = await store.QueryVisibleAsync(Sample.Alice.Id, Guangzhou, ImageFilter.None, Page(0, 100));

        var pages = new List<ImagePage>();
        foreach (var offset in new[] { 0, 10, 20, 30 })
        {
            pages.Add(await store.QueryVisibleAsync(Sample.Alice.Id, Guangzhou, ImageFilter.None, Page(offset, 10)));
        }

        Assert.Equal(new[] { 10, 10, 5, 0 }, pages.Select(p => p.Items.Length));
        Assert.All(pages, p => Assert.Equal(25, p.TotalCount));
        Assert.Equal(all.Items, pages.SelectMany(p => p.Items));
    }

    [Fact]
    public async Task R2_a_filtered_page_counts_only_the_matches()
    {
        var store = await CreateStoreAsync();
        await AddAsync(store, [.. Enumerable.Range(1, 12).Select(i => Sample.CustomImage(Sample.Alice, Sample.Guangzhou, $"img-p{i:D7}", i % 2 == 0 ? $"even-{i}" : $"odd-{i}"))]);

        var page = await store.QueryVisibleAsync(Sample.Alice.Id, Guangzhou, new ImageFilter { NameContains = "EVEN" }, Page(4, 5));

        Assert.Equal(6, page.TotalCount);
        Assert.Equal(2, page.Items.Length);
        Assert.All(page.Items, v => Assert.StartsWith("even-", v.Image.Name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task R2_listings_are_newest_first_with_ties_broken_by_ascending_id()
    {
        var store = await CreateStoreAsync();
        var oldest = Aged(Sample.PublicImage(Sample.Guangzhou, "img-pub00001"), 30);
        var tiedB = Aged(Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-b0000001", "tied-b"), 2);
        var tiedA = Aged(Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000001", "tied-a"), 2);
        var newest = Aged(Sample.CustomImage(Sample.Bob, Sample.Guangzhou, "img-z0000001", "newest"), 0);
        await AddAsync(store, oldest, tiedB, tiedA, newest);
        await ShareAsync(store, newest, Sample.Alice);

        var seen = await QueryAsync(store, Sample.Alice, Guangzhou, ImageFilter.None);

        Assert.Equal(new[] { newest.Id, tiedA.Id, tiedB.Id, oldest.Id }, Ids(seen));
    }

    [Theory]
    [InlineData("Robert'); DROP TABLE images;--")]
    [InlineData("say \"hello\" and 'bye'")]
    [InlineData("镜像 Web 服务器 🚀")]
    [InlineData("Ünïcödé Ωμέγα ﬁ")]
    [InlineData("50% off_ \\ [x] $1 @p :p ?")]
    [InlineData("a")]
    public async Task R12_text_round_trips_exactly(string text)
    {
        var store = await CreateStoreAsync();
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, name: text) with
        {
            Description = text + " / " + text,
            OperatingSystem = new ImageOperatingSystem(OsFamily.Linux, text, text),
        };
        await AddAsync(store, image);

        Assert.Equal(image, await store.FindAsync(image.Id));
        Assert.Equal(new[] { image }, (await store.GetCatalogueAsync(Key(Sample.Alice, Sample.Guangzhou))).Images);
        Assert.Equal(new[] { image }, await QueryAsync(store, Sample.Alice, Guangzhou, new ImageFilter { NameContains = text, Platform = text }));
    }

    [Fact]
    public async Task R10_R14_every_image_attribute_round_trips()
    {
        var store = await CreateStoreAsync();
        var copy = new Image
        {
            Id = new("img-copy0001"),
            Owner = Sample.Alice.Id,
            Region = Shanghai,
            Name = "copied",
            Description = "a copy",
            OperatingSystem = Sample.WindowsServer,
            Architecture = Architecture.I386,
            SizeGiB = 123,
            State = ImageState.Syncing,
            Source = ImageSource.Copied,
            CopiedFrom = new ImageId("img-cust0001"),
            CreatedAt = new DateTimeOffset(2026, 11, 26, 12, 34, 56, 789, TimeSpan.Zero),
        };
        var created = Sample.CustomImage(Sample.Alice, Sample.Shanghai, "img-inst0001", "from instance") with { State = ImageState.CreateFailed };
        await AddAsync(store, copy, created);

        Assert.Equal(copy, await store.FindAsync(copy.Id));
        Assert.Equal(created, await store.FindAsync(created.Id));
        Assert.Equal(Sample.Instance, (await store.FindAsync(created.Id))!.SourceInstance);
    }

    private static CatalogueKey Key(Account owner, Region region) => new(owner.Id, region.Id);

    private static CatalogueChange Change(CatalogueKey key, long expectedVersion) => new() { Key = key, ExpectedVersion = expectedVersion };

    private static ImmutableArray<ImageId> Ids(IEnumerable<Image> images) => [.. images.Select(i => i.Id)];

    private static PageRequest Page(int offset, int limit) => PageRequest.Create(offset, limit).Value;

    private static Image Aged(Image image, int daysOld) => image with { CreatedAt = Sample.Now.AddDays(-daysOld) };

    /// <summary>Commits <paramref name="edit"/> of an empty change at the catalogue's current version, which must succeed.</summary>
    internal static async Task CommitAsync(TStore store, CatalogueKey key, Func<CatalogueChange, CatalogueChange> edit)
    {
        var catalogue = await store.GetCatalogueAsync(key);
        Assert.True(await store.TryCommitAsync(edit(Change(key, catalogue.Version))), $"commit to {key} refused");
    }

    /// <summary>Adds the images, one commit per catalogue.</summary>
    internal static async Task AddAsync(TStore store, params Image[] images)
    {
        foreach (var group in images.GroupBy(CatalogueKey.Of))
        {
            await CommitAsync(store, group.Key, c => c with { Added = [.. group] });
        }
    }

    /// <summary>Grants <paramref name="image"/> to <paramref name="recipient"/>.</summary>
    internal static async Task<ShareGrant> ShareAsync(TStore store, Image image, Account recipient)
    {
        var grant = Sample.Grant(image, recipient);
        await CommitAsync(store, CatalogueKey.Of(image), c => c with { GrantsAdded = [grant] });
        return grant;
    }

    /// <summary>Every image <paramref name="viewer"/> sees in <paramref name="region"/> through <paramref name="filter"/>, in listing order.</summary>
    internal static async Task<ImmutableArray<Image>> QueryAsync(TStore store, Account viewer, RegionId region, ImageFilter filter)
    {
        var page = await store.QueryVisibleAsync(viewer.Id, region, filter, Page(0, PageRequest.MaxLimit));
        return [.. page.Items.Select(v => v.Image)];
    }

    private static async Task<bool> CommitOrRefuseAsync(TStore store, CatalogueChange change)
    {
        try
        {
            return await store.TryCommitAsync(change);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>A store holding images of every kind for Alice to look at, in Guangzhou and Shanghai.</summary>
    private sealed class VisibilityWorld
    {
        public static readonly Dictionary<string, Func<VisibilityWorld, (ImageFilter Filter, IReadOnlyCollection<Image> Expected)>> FilterCases =
            new()
            {
                ["kind public"] = w => (new() { Kind = ImageKind.Public }, [w.PublicUbuntu, w.PublicWindows]),
                ["kind custom"] = w => (new() { Kind = ImageKind.Custom }, [w.AliceLinux, w.AliceFailed]),
                ["kind shared"] = w => (new() { Kind = ImageKind.Shared }, [w.BobSharedWithAlice]),
                ["os family windows"] = w => (new() { OsFamily = OsFamily.Windows }, [w.PublicWindows, w.BobSharedWithAlice]),
                ["platform, any case"] = w => (new() { Platform = "uBuNtU" }, [w.PublicUbuntu]),
                ["architecture i386"] = w => (new() { Architecture = Architecture.I386 }, [w.AliceFailed]),
                ["state"] = w => (new() { State = ImageState.CreateFailed }, [w.AliceFailed]),
                ["name contains, any case"] = w => (new() { NameContains = "LINUX" }, [w.AliceLinux, w.AliceFailed]),
                ["image ids, unseen ones ignored"] = w => (
                    new() { ImageIds = [w.AliceLinux.Id, w.BobSharedWithAlice.Id, w.BobSharedWithAlice.Id, w.BobPrivate.Id, w.AliceShanghai.Id, new ImageId("img-nothere1")] },
                    [w.AliceLinux, w.BobSharedWithAlice]),
                ["image ids and kind"] = w => (new() { ImageIds = [w.AliceLinux.Id, w.PublicUbuntu.Id], Kind = ImageKind.Public }, [w.PublicUbuntu]),
                ["no image ids"] = w => (new() { ImageIds = [] }, []),
                ["filters combine"] = w => (new() { OsFamily = OsFamily.Linux, Kind = ImageKind.Custom, State = ImageState.Normal }, [w.AliceLinux]),
                ["nothing matches"] = w => (new() { NameContains = "no such name" }, []),
            };

        private VisibilityWorld(TStore store) => Store = store;

        public TStore Store { get; }

        public Image PublicUbuntu { get; } = Sample.PublicImage(Sample.Guangzhou, "img-pub00001");

        public Image PublicWindows { get; } = Sample.PublicImage(Sample.Guangzhou, "img-pub00002", Sample.WindowsServer);

        public Image PublicShanghai { get; } = Sample.PublicImage(Sample.Shanghai, "img-pub00003");

        public Image AliceLinux { get; } = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000001", "alice linux");

        public Image AliceFailed { get; } = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000002", "alice linux 32-bit") with
        {
            Architecture = Architecture.I386,
            State = ImageState.CreateFailed,
        };

        public Image AliceShanghai { get; } = Sample.CustomImage(Sample.Alice, Sample.Shanghai, "img-a0000003", "alice in shanghai");

        public Image BobSharedWithAlice { get; } = Sample.CustomImage(Sample.Bob, Sample.Guangzhou, "img-b0000001", "bob windows") with
        {
            OperatingSystem = Sample.WindowsServer,
        };

        public Image BobPrivate { get; } = Sample.CustomImage(Sample.Bob, Sample.Guangzhou, "img-b0000002", "bob private");

        public Image BobInShanghaiSharedWithAlice { get; } = Sample.CustomImage(Sample.Bob, Sample.Shanghai, "img-b0000003", "bob in shanghai");

        public static async Task<VisibilityWorld> CreateAsync(TStore store)
        {
            var world = new VisibilityWorld(store);
            await AddAsync(
                store,
                world.PublicUbuntu,
                world.PublicWindows,
                world.PublicShanghai,
                world.AliceLinux,
                world.AliceFailed,
                world.AliceShanghai,
                world.BobSharedWithAlice,
                world.BobPrivate,
                world.BobInShanghaiSharedWithAlice);
            await ShareAsync(store, world.BobSharedWithAlice, Sample.Alice);
            await ShareAsync(store, world.BobInShanghaiSharedWithAlice, Sample.Alice);
            await ShareAsync(store, world.BobPrivate, Sample.Carol);
            return world;
        }
    }
}
