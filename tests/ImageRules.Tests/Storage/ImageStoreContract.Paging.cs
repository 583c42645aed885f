using System.Collections.Immutable;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Storage;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Storage;

/// <summary>
/// <see cref="IImageStore.QueryVisibleAsync"/> a page at a time (R2): pages taken from the three kinds at once follow
/// one order (newest first, ties by id) whatever the page size, and every page's total counts every match, also
/// after shares, cancellations and deletions move the stores' counters.
/// </summary>
public abstract partial class ImageStoreContract
{
    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(100)]
    public async Task R2_paging_through_public_own_and_shared_images_with_tied_times_gives_each_once_in_order_with_the_total(int limit)
    {
        var world = await PagingWorld.CreateAsync(await NewStoreAsync());

        var (seen, totals) = await PageThroughAsync(world.Store, Sample.Alice, ImageFilter.None, limit);

        Assert.Equal(world.Expected(ImageFilter.None), seen);
        Assert.All(totals, total => Assert.Equal(world.Expected(ImageFilter.None).Count, total));
    }

    [Theory]
    [InlineData("kind public")]
    [InlineData("kind custom")]
    [InlineData("kind shared")]
    [InlineData("state")]
    [InlineData("os family and kind")]
    [InlineData("image ids")]
    [InlineData("name contains")]
    [InlineData("platform and state")]
    public async Task R2_filtered_pages_follow_the_listing_order_and_count_only_the_matches(string filterCase)
    {
        var world = await PagingWorld.CreateAsync(await NewStoreAsync());
        var filter = PagingWorld.Filters[filterCase](world);

        var (seen, totals) = await PageThroughAsync(world.Store, Sample.Alice, filter, 3);

        Assert.Equal(world.Expected(filter), seen);
        Assert.NotEmpty(seen);
        Assert.All(totals, total => Assert.Equal(world.Expected(filter).Count, total));
    }

    [Fact]
    public async Task R2_totals_follow_shares_cancellations_and_deletions()
    {
        var world = await PagingWorld.CreateAsync(await NewStoreAsync());
        var store = world.Store;
        var shared = world.Images.Where(i => i.Owner == Sample.Bob.Id).ToArray();
        var before = world.Expected(ImageFilter.None).Count;

        // Bob takes back two grants and deletes those images; Carol's first image is shared with Bob as well.
        await CommitAsync(store, CatalogueKey.Of(shared[0]), c => c with
        {
            GrantsRemoved = [Sample.Grant(shared[0], Sample.Alice), Sample.Grant(shared[1], Sample.Alice)],
            Deleted = [shared[0].Id, shared[1].Id],
        });
        var carols = world.Images.First(i => i.Owner == Sample.Carol.Id);
        await ShareAsync(store, carols, Sample.Bob);
        var added = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-new00001", "new one") with { CreatedAt = Sample.Now.AddDays(1) };
        await AddAsync(store, added);

        var alice = await store.QueryVisibleAsync(Sample.Alice.Id, Guangzhou, ImageFilter.None, Page(0, 2));
        var aliceShared = await store.QueryVisibleAsync(Sample.Alice.Id, Guangzhou, new ImageFilter { Kind = ImageKind.Shared }, Page(0, 2));
        var bobShared = await store.QueryVisibleAsync(Sample.Bob.Id, Guangzhou, new ImageFilter { Kind = ImageKind.Shared }, Page(0, 2));

        Assert.Equal(before - 2 + 1, alice.TotalCount);
        Assert.Equal(added.Id, alice.Items[0].Image.Id);
        Assert.Equal(world.Images.Count(i => i.Owner == Sample.Carol.Id) + shared.Length - 2, aliceShared.TotalCount);
        Assert.Equal((1, carols.Id), (bobShared.TotalCount, Assert.Single(bobShared.Items).Image.Id));
    }

    [Fact]
    public async Task R2_a_page_past_the_end_is_empty_and_still_counts_every_match()
    {
        var world = await PagingWorld.CreateAsync(await NewStoreAsync());
        var total = world.Expected(ImageFilter.None).Count;
        var state = new ImageFilter { State = ImageState.CreateFailed };

        var past = await world.Store.QueryVisibleAsync(Sample.Alice.Id, Guangzhou, ImageFilter.None, Page(total, 10));
        var farPast = await world.Store.QueryVisibleAsync(Sample.Alice.Id, Guangzhou, state, Page(int.MaxValue, PageRequest.MaxLimit));
        var nobody = await world.Store.QueryVisibleAsync(Sample.Sam.Id, Sample.Singapore.Id, ImageFilter.None, Page(0, 10));

        Assert.Equal((0, total), (past.Items.Length, past.TotalCount));
        Assert.Equal((0, world.Expected(state).Count), (farPast.Items.Length, farPast.TotalCount));
        Assert.Equal((0, 0), (nobody.Items.Length, nobody.TotalCount));
    }

    [Fact]
    public async Task R4_an_image_granted_to_its_own_owner_is_listed_once_as_custom()
    {
        var store = await NewStoreAsync();
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);
        await AddAsync(store, image);
        await CommitAsync(store, CatalogueKey.Of(image), c => c with { GrantsAdded = [Sample.Grant(image, Sample.Alice)] });

        var all = await store.QueryVisibleAsync(Sample.Alice.Id, Guangzhou, ImageFilter.None, PageRequest.First);
        var shared = await store.QueryVisibleAsync(Sample.Alice.Id, Guangzhou, new ImageFilter { Kind = ImageKind.Shared }, PageRequest.First);

        Assert.Equal((1, ImageKind.Custom), (all.TotalCount, Assert.Single(all.Items).Kind));
        Assert.Equal((0, 0), (shared.TotalCount, shared.Items.Length));
    }

    [Fact]
    public async Task R2_an_update_that_changes_an_image_creation_time_writes_nothing()
    {
        // Listings are ordered by creation time in the stores' indexes: an image's creation time never changes.
        var store = await NewStoreAsync();
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);
        await AddAsync(store, image);
        await ShareAsync(store, image, Sample.Bob);
        var change = Change(Key(Sample.Alice, Sample.Guangzhou), 2) with { Updated = [image with { Name = "moved", CreatedAt = image.CreatedAt.AddDays(-1) }] };

        var committed = await CommitOrRefuseAsync(store, change);

        Assert.False(committed);
        Assert.Equal(image, await store.FindImageAsync(image.Id));
        Assert.Equal(2, (await CatalogueAsync(store, Key(Sample.Alice, Sample.Guangzhou))).Version);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task R2_R3_R4_R5_paging_through_a_generated_world_gives_what_the_policy_shows_newest_first(int seed)
    {
        var store = await NewStoreAsync();
        var world = GeneratedWorld.Create(seed);
        await world.StoreInAsync(store);

        foreach (var viewer in GeneratedWorld.Viewers)
        {
            foreach (var region in GeneratedWorld.Regions)
            {
                var kinds = world.KindsFor(viewer, region);
                var expected = world.Images.Where(i => kinds.ContainsKey(i.Id)).Order(ListingOrder.Instance).Select(i => (i.Id, kinds[i.Id])).ToList();

                var (seen, totals) = await PageThroughAsync(store, viewer, region.Id, ImageFilter.None, 3);

                Assert.Equal(expected, seen);
                Assert.All(totals, total => Assert.Equal(kinds.Count, total));
            }
        }
    }

    [Fact]
    public async Task R2_shares_out_of_order_and_middle_cancellations_keep_the_shared_listing_newest_first()
    {
        // Grants arrive in an order unrelated to the images' ages, across catalogues; then grants in the middle of the
        // order go, one comes back, and an image with no grant left is deleted: the recipient's index must follow.
        var store = await NewStoreAsync();
        var bobs = new[] { 5, 1, 8, 3 }.Select(days => Aged(Sample.CustomImage(Sample.Bob, Sample.Guangzhou, $"img-bob{days:D5}"), days)).ToArray();
        var carols = new[] { 2, 7, 4 }.Select(days => Aged(Sample.CustomImage(Sample.Carol, Sample.Guangzhou, $"img-car{days:D5}"), days)).ToArray();
        await AddAsync(store, [.. bobs, .. carols]);
        foreach (var image in new[] { bobs[0], carols[1], bobs[1], carols[0], bobs[3], bobs[2], carols[2] })
        {
            await ShareAsync(store, image, Sample.Alice);
        }

        var sharedFirst = await SharedWithAliceAsync(store);
        await CommitAsync(store, CatalogueKey.Of(bobs[0]), c => c with { GrantsRemoved = [Sample.Grant(bobs[0], Sample.Alice), Sample.Grant(bobs[3], Sample.Alice)] });
        await CommitAsync(store, CatalogueKey.Of(carols[2]), c => c with { GrantsRemoved = [Sample.Grant(carols[2], Sample.Alice)] });
        await CommitAsync(store, CatalogueKey.Of(bobs[0]), c => c with { Deleted = [bobs[3].Id] });
        await ShareAsync(store, bobs[0], Sample.Alice);
        var sharedThen = await SharedWithAliceAsync(store);

        Assert.Equal(["img-bob00001", "img-car00002", "img-bob00003", "img-car00004", "img-bob00005", "img-car00007", "img-bob00008"], sharedFirst);
        Assert.Equal(["img-bob00001", "img-car00002", "img-bob00005", "img-car00007", "img-bob00008"], sharedThen);
    }

    [Fact]
    public async Task R2_a_recipient_whose_grants_all_went_sees_none_and_then_a_new_share_only_in_its_own_region()
    {
        var store = await NewStoreAsync();
        var here = Sample.CustomImage(Sample.Bob, Sample.Guangzhou, "img-bobhere1");
        var there = Sample.CustomImage(Sample.Bob, Sample.Shanghai, "img-bobthere");
        await AddAsync(store, here, there);
        await ShareAsync(store, here, Sample.Alice);
        await CommitAsync(store, CatalogueKey.Of(here), c => c with { GrantsRemoved = [Sample.Grant(here, Sample.Alice)] });
        var afterCancel = await SharedWithAliceAsync(store);

        await ShareAsync(store, there, Sample.Alice);
        var inGuangzhou = await SharedWithAliceAsync(store);
        var inShanghai = await store.QueryVisibleAsync(Sample.Alice.Id, Shanghai, new ImageFilter { Kind = ImageKind.Shared }, Page(0, 10));

        Assert.Empty(afterCancel);
        Assert.Empty(inGuangzhou);
        Assert.Equal((1, there.Id), (inShanghai.TotalCount, Assert.Single(inShanghai.Items).Image.Id));
    }

    [Fact]
    public async Task R2_images_added_out_of_order_and_deleted_from_the_middle_keep_the_catalogue_listing_newest_first()
    {
        var store = await NewStoreAsync();
        var images = new[] { 4, 9, 1, 6, 2 }.Select(days => Aged(Sample.CustomImage(Sample.Alice, Sample.Guangzhou, $"img-ali{days:D5}"), days)).ToArray();
        foreach (var image in images)
        {
            await AddAsync(store, image);
        }

        await CommitAsync(store, CatalogueKey.Of(images[0]), c => c with { Deleted = [images[0].Id, images[3].Id] });
        var (seen, totals) = await PageThroughAsync(store, Sample.Alice, new ImageFilter { Kind = ImageKind.Custom }, 2);

        Assert.Equal([(new ImageId("img-ali00001"), ImageKind.Custom), (new ImageId("img-ali00002"), ImageKind.Custom), (new ImageId("img-ali00009"), ImageKind.Custom)], seen);
        Assert.All(totals, total => Assert.Equal(3, total));
    }

    /// <summary>The ids Alice's shared listing in Guangzhou shows, two to a page, checked against every page's total.</summary>
    private static async Task<List<string>> SharedWithAliceAsync(IImageStore store)
    {
        var (seen, totals) = await PageThroughAsync(store, Sample.Alice, new ImageFilter { Kind = ImageKind.Shared }, 2);
        Assert.All(totals, total => Assert.Equal(seen.Count, total));
        return [.. seen.Select(s => s.Item1.Value)];
    }

    /// <summary>Every page of the listing from offset 0 until one past the last, with every page's total (a list: xunit compares lists of tuples item by item).</summary>
    private static Task<(List<(ImageId, ImageKind)> Seen, ImmutableArray<int> Totals)> PageThroughAsync(IImageStore store, Account viewer, ImageFilter filter, int limit) =>
        PageThroughAsync(store, viewer, Guangzhou, filter, limit);

    private static async Task<(List<(ImageId, ImageKind)> Seen, ImmutableArray<int> Totals)> PageThroughAsync(IImageStore store, Account viewer, RegionId region, ImageFilter filter, int limit)
    {
        var seen = new List<(ImageId, ImageKind)>();
        var totals = ImmutableArray.CreateBuilder<int>();
        for (var offset = 0; ; offset += limit)
        {
            var page = await store.QueryVisibleAsync(viewer.Id, region, filter, Page(offset, limit));
            seen.AddRange(page.Items.Select(v => (v.Image.Id, v.Kind)));
            totals.Add(page.TotalCount);
            if (page.Items.IsEmpty)
            {
                return (seen, totals.ToImmutable());
            }
        }
    }

    /// <summary>A listing's order, written out for the tests: newest first, ties by ascending ordinal id.</summary>
    private sealed class ListingOrder : IComparer<Image>
    {
        public static readonly ListingOrder Instance = new();

        public int Compare(Image? x, Image? y)
        {
            var byTime = y!.CreatedAt.CompareTo(x!.CreatedAt);
            return byTime != 0 ? byTime : string.CompareOrdinal(x.Id.Value, y.Id.Value);
        }
    }

    /// <summary>
    /// Alice's view of Guangzhou: public images, her own, and Bob's and Carol's shared with her, created on four days
    /// only so that times tie within and across the kinds, with ids that do not follow the order of creation; and
    /// images she must not see (Bob's unshared one, one in Shanghai).
    /// </summary>
    private sealed class PagingWorld
    {
        public static readonly Dictionary<string, Func<PagingWorld, ImageFilter>> Filters = new()
        {
            ["kind public"] = _ => new() { Kind = ImageKind.Public },
            ["kind custom"] = _ => new() { Kind = ImageKind.Custom },
            ["kind shared"] = _ => new() { Kind = ImageKind.Shared },
            ["state"] = _ => new() { State = ImageState.CreateFailed },
            ["os family and kind"] = _ => new() { OsFamily = OsFamily.Windows, Kind = ImageKind.Shared },
            ["image ids"] = w => new() { ImageIds = [.. w.Images.Where((_, n) => n % 3 == 1).Select(i => i.Id)] },
            ["name contains"] = _ => new() { NameContains = "EVEN" },
            ["platform and state"] = _ => new() { Platform = "windows", State = ImageState.Normal },
        };

        private readonly ImmutableDictionary<ImageId, ImageKind> kindOf;

        private PagingWorld(IImageStore store, ImmutableArray<Image> images, ImmutableDictionary<ImageId, ImageKind> kindOf) =>
            (Store, Images, this.kindOf) = (store, images, kindOf);

        public IImageStore Store { get; }

        /// <summary>Every image Alice sees, in the order they were added.</summary>
        public ImmutableArray<Image> Images { get; }

        public static async Task<PagingWorld> CreateAsync(IImageStore store)
        {
            var owners = new Account?[] { null, Sample.Alice, Sample.Bob, Sample.Carol };
            var images = Enumerable.Range(0, 32).Select(n =>
            {
                var id = $"img-t{(n * 37) % 100:D7}";
                var image = owners[n % 4] is { } owner
                    ? Sample.CustomImage(owner, Sample.Guangzhou, id, n % 2 == 0 ? $"even-{n}" : $"odd-{n}")
                    : Sample.PublicImage(Sample.Guangzhou, id, n % 3 == 0 ? Sample.WindowsServer : Sample.Ubuntu);
                return Aged(image, n % 4 == n / 8 % 4 ? 9 : n % 3) with
                {
                    State = n % 5 == 0 ? ImageState.CreateFailed : ImageState.Normal,
                    OperatingSystem = n % 3 == 0 ? Sample.WindowsServer : image.OperatingSystem,
                };
            }).ToImmutableArray();
            var hidden = new[]
            {
                Sample.CustomImage(Sample.Bob, Sample.Guangzhou, "img-hidden01", "even unshared"),
                Sample.CustomImage(Sample.Carol, Sample.Shanghai, "img-hidden02", "even in shanghai"),
            };
            await AddAsync(store, [.. images, .. hidden]);
            foreach (var owned in images.Where(i => i.Owner is { } owner && owner != Sample.Alice.Id).Append(hidden[1]).GroupBy(CatalogueKey.Of))
            {
                await CommitAsync(store, owned.Key, c => c with { GrantsAdded = [.. owned.Select(i => Sample.Grant(i, Sample.Alice))] });
            }

            var kinds = images.ToImmutableDictionary(
                i => i.Id,
                i => i.Owner is null ? ImageKind.Public : i.Owner == Sample.Alice.Id ? ImageKind.Custom : ImageKind.Shared);
            return new PagingWorld(store, images, kinds);
        }

        /// <summary>What Alice's listing through <paramref name="filter"/> must show, in listing order.</summary>
        public List<(ImageId, ImageKind)> Expected(ImageFilter filter) =>
            [.. Images.Where(i => filter.Matches(i, kindOf[i.Id])).Order(ListingOrder.Instance).Select(i => (i.Id, kindOf[i.Id]))];
    }
}
