using System.Collections.Immutable;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Storage;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Storage;

/// <summary><see cref="IImageStore.QueryVisibleAsync"/>: the viewer's visible images of a region (R2–R6), images' data kept exactly, and the state filter as shown (R37).</summary>
public abstract partial class ImageStoreContract
{
    [Fact]
    public async Task R3_R4_R5_a_viewer_sees_public_own_and_granted_images_of_the_region_only()
    {
        var world = await VisibilityWorld.CreateAsync(await NewStoreAsync());

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
        var world = await VisibilityWorld.CreateAsync(await NewStoreAsync());

        var inShanghai = await QueryAsync(world.Store, Sample.Alice, Shanghai, ImageFilter.None);
        var bobsView = await QueryAsync(world.Store, Sample.Bob, Guangzhou, new ImageFilter { Kind = ImageKind.Custom });

        Assert.Equal(new[] { world.PublicShanghai, world.AliceShanghai, world.BobInShanghaiSharedWithAlice }.ToHashSet(), inShanghai.ToHashSet());
        Assert.Equal(new[] { world.BobSharedWithAlice, world.BobPrivate }.ToHashSet(), bobsView.ToHashSet());
    }

    [Fact]
    public async Task R6_a_viewer_that_holds_no_grant_sees_only_public_images()
    {
        var world = await VisibilityWorld.CreateAsync(await NewStoreAsync());

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
        var world = await VisibilityWorld.CreateAsync(await NewStoreAsync());
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
        var store = await NewStoreAsync();
        string[] names = ["100% cpu", "web_server", "webxserver", "c:\\images", "set [a]", "set a", "o'brien", "obrien"];
        await AddAsync(store, [.. names.Select((name, i) => Sample.CustomImage(Sample.Alice, Sample.Guangzhou, $"img-w{i:D7}", name))]);

        var seen = await QueryAsync(store, Sample.Alice, Guangzhou, new ImageFilter { NameContains = contains });

        Assert.Equal(new[] { onlyMatch }, seen.Select(i => i.Name));
    }

    [Fact]
    public async Task R2_pages_skip_and_take_in_a_stable_order_and_count_every_match()
    {
        var store = await NewStoreAsync();
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
        var store = await NewStoreAsync();
        await AddAsync(store, [.. Enumerable.Range(1, 12).Select(i => Sample.CustomImage(Sample.Alice, Sample.Guangzhou, $"img-p{i:D7}", i % 2 == 0 ? $"even-{i}" : $"odd-{i}"))]);

        var page = await store.QueryVisibleAsync(Sample.Alice.Id, Guangzhou, new ImageFilter { NameContains = "EVEN" }, Page(4, 5));

        Assert.Equal(6, page.TotalCount);
        Assert.Equal(2, page.Items.Length);
        Assert.All(page.Items, v => Assert.StartsWith("even-", v.Image.Name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task R2_listings_are_newest_first_with_ties_broken_by_ascending_id()
    {
        var store = await NewStoreAsync();
        var oldest = Aged(Sample.PublicImage(Sample.Guangzhou, "img-pub00001"), 30);
        var tiedB = Aged(Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-b0000001", "tied-b"), 2);
        var tiedA = Aged(Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000001", "tied-a"), 2);
        var newest = Aged(Sample.CustomImage(Sample.Bob, Sample.Guangzhou, "img-z0000001", "newest"), 0);
        await AddAsync(store, oldest, tiedB, tiedA, newest);
        await ShareAsync(store, newest, Sample.Alice);

        var seen = await QueryAsync(store, Sample.Alice, Guangzhou, ImageFilter.None);

        Assert.Equal(new[] { newest.Id, tiedA.Id, tiedB.Id, oldest.Id }, seen.Select(i => i.Id));
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
        var store = await NewStoreAsync();
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, name: text) with
        {
            Description = text + " / " + text,
            OperatingSystem = new ImageOperatingSystem(OsFamily.Linux, text, text),
        };
        await AddAsync(store, image);

        Assert.Equal(image, await store.FindImageAsync(image.Id));
        Assert.Equal(new[] { image }, (await CatalogueAsync(store, Key(Sample.Alice, Sample.Guangzhou))).Catalogue);
        Assert.Equal(new[] { image }, await QueryAsync(store, Sample.Alice, Guangzhou, new ImageFilter { NameContains = text, Platform = text }));
    }

    [Fact]
    public async Task R10_R14_every_image_attribute_round_trips()
    {
        var store = await NewStoreAsync();
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

        Assert.Equal(copy, await store.FindImageAsync(copy.Id));
        Assert.Equal(created, await store.FindImageAsync(created.Id));
        Assert.Equal(Sample.Instance, (await store.FindImageAsync(created.Id))!.SourceInstance);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task R3_R4_R5_R6_a_listing_shows_exactly_the_images_the_policy_lets_the_viewer_see_with_their_kinds(int seed)
    {
        var store = await NewStoreAsync();
        var world = GeneratedWorld.Create(seed);
        await world.StoreInAsync(store);

        foreach (var viewer in GeneratedWorld.Viewers)
        {
            foreach (var region in GeneratedWorld.Regions)
            {
                var allowed = world.KindsFor(viewer, region);
                ImageFilter[] filters =
                [
                    ImageFilter.None,
                    new() { ImageIds = [.. world.Images.Select(i => i.Id)] },
                    new() { Kind = ImageKind.Public },
                    new() { Kind = ImageKind.Custom },
                    new() { Kind = ImageKind.Shared },
                ];
                foreach (var filter in filters)
                {
                    var seen = await store.QueryVisibleAsync(viewer.Id, region.Id, filter, Page(0, PageRequest.MaxLimit));

                    var expected = allowed.Where(a => filter.Kind is null || filter.Kind == a.Value).ToDictionary();
                    Assert.Equal(expected, seen.Items.ToDictionary(v => v.Image.Id, v => v.Kind));
                    Assert.Equal(expected.Count, seen.TotalCount);
                    Assert.All(seen.Items, v => Assert.Contains(v.Image, world.Images));
                }
            }
        }
    }

    /// <summary>
    /// A small random world: images of every owner (or none) in three regions, in any state, and grants any owner
    /// could store, to anyone but the owner (the engine never grants an image to its owner, R23), whatever the
    /// recipient's home region (the store shows what <see cref="ImagePolicy.KindFor"/> allows, not what R22 lets be made).
    /// </summary>
    private sealed record GeneratedWorld(ImmutableArray<Image> Images, ImmutableArray<ShareGrant> Grants)
    {
        public static readonly ImmutableArray<Account> Viewers = [Sample.Alice, Sample.Bob, Sample.Carol, Sample.Sam];

        public static readonly ImmutableArray<Region> Regions = [Sample.Guangzhou, Sample.Shanghai, Sample.Singapore];

        public static GeneratedWorld Create(int seed)
        {
            var random = new Random(seed);
            var states = Enum.GetValues<ImageState>();
            var images = Enumerable.Range(1, 16).Select(n =>
            {
                var region = Regions[random.Next(Regions.Length)];
                var owner = random.Next(Viewers.Length + 1);
                var image = owner == Viewers.Length
                    ? Sample.PublicImage(region, $"img-g{n:D7}")
                    : Sample.CustomImage(Viewers[owner], region, $"img-g{n:D7}", $"image-{n}");
                return Aged(image, random.Next(4)) with { State = states[random.Next(states.Length)] };
            }).ToImmutableArray();
            var grants = images
                .Where(i => i.Owner is not null)
                .SelectMany(i => Viewers.Where(v => v.Id != i.Owner && random.Next(3) == 0).Select(v => Sample.Grant(i, v)))
                .ToImmutableArray();
            return new(images, grants);
        }

        /// <summary>Adds the images, one commit per catalogue, then the grants, one commit per catalogue.</summary>
        public async Task StoreInAsync(IImageStore store)
        {
            await AddAsync(store, [.. Images]);
            foreach (var granted in Grants.GroupBy(g => new CatalogueKey(g.Owner, g.Region)))
            {
                await CommitAsync(store, granted.Key, c => c with { GrantsAdded = [.. granted] });
            }
        }

        /// <summary>What the policy lets <paramref name="viewer"/> see in <paramref name="region"/>, by id, with the kind it sees.</summary>
        public Dictionary<ImageId, ImageKind> KindsFor(Account viewer, Region region) => Images
            .Select(i => (i.Id, Kind: ImagePolicy.KindFor(i, viewer.Id, region.Id, Grants.SingleOrDefault(g => g.ImageId == i.Id && g.Recipient == viewer.Id))))
            .Where(seen => seen.Kind is not null)
            .ToDictionary(seen => seen.Id, seen => seen.Kind!.Value);
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

        private VisibilityWorld(IImageStore store) => Store = store;

        public IImageStore Store { get; }

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

        public static async Task<VisibilityWorld> CreateAsync(IImageStore store)
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

    // A listing's state filter takes the state the viewer is shown (R37): with ImageFilter.TimedOutBefore, an image
    // still in progress made before it matches as failed, one made at it or since as in progress; without it, every
    // state as stored.
    private static readonly DateTimeOffset Cutoff = Sample.Now.AddHours(-1);

    [Theory]
    [InlineData(ImageState.Creating, "img-cnew0001 img-ccut0001")]
    [InlineData(ImageState.CreateFailed, "img-cold0001 img-fail0001 img-bold0001")]
    [InlineData(ImageState.Importing, "")]
    [InlineData(ImageState.ImportFailed, "img-iold0001")]
    [InlineData(ImageState.Syncing, "img-snew0001")]
    [InlineData(ImageState.SyncFailed, "img-sold0001")]
    [InlineData(ImageState.Normal, "img-norm0001 img-pub00001")]
    public async Task R37_a_state_filter_matches_the_state_shown_once_transitions_time_out(ImageState state, string expected)
    {
        var store = await TimedOutWorldAsync();

        await AssertListedAsync(store, new ImageFilter { State = state, TimedOutBefore = Cutoff }, expected);
    }

    [Theory]
    [InlineData(ImageState.Creating, "img-cold0001 img-cnew0001 img-ccut0001 img-bold0001")]
    [InlineData(ImageState.CreateFailed, "img-fail0001")]
    [InlineData(ImageState.SyncFailed, "")]
    public async Task R37_without_a_cutoff_a_state_filter_matches_the_state_stored(ImageState state, string expected)
    {
        var store = await TimedOutWorldAsync();

        await AssertListedAsync(store, new ImageFilter { State = state }, expected);
    }

    [Fact]
    public async Task R37_the_cutoff_alone_narrows_nothing()
    {
        var store = await TimedOutWorldAsync();

        var all = await store.QueryVisibleAsync(Sample.Alice.Id, Guangzhou, ImageFilter.None, Page(0, PageRequest.MaxLimit));
        var page = await store.QueryVisibleAsync(Sample.Alice.Id, Guangzhou, new ImageFilter { TimedOutBefore = Cutoff }, Page(0, 3));

        Assert.Equal(10, all.TotalCount);
        Assert.Equal(10, page.TotalCount);
        Assert.Equal(all.Items.Take(3), page.Items);
    }

    /// <summary>
    /// The images listed, by id, and their total, as asked and again with the empty name filter, which matches every
    /// name and takes the SQL stores' other path (text matched in code).
    /// </summary>
    private static async Task AssertListedAsync(IImageStore store, ImageFilter filter, string expected)
    {
        var ids = expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        foreach (var asked in new[] { filter, filter with { NameContains = string.Empty } })
        {
            var page = await store.QueryVisibleAsync(Sample.Alice.Id, Guangzhou, asked, Page(0, PageRequest.MaxLimit));

            Assert.Equal(ids, page.Items.Select(v => v.Image.Id.Value).ToHashSet());
            Assert.Equal(ids.Count, page.TotalCount);
        }
    }

    /// <summary>
    /// Alice's view of Guangzhou: her images in progress made before <see cref="Cutoff"/>, at it and since, one failed,
    /// one normal, one of Bob's in progress since before the cutoff shared with her, and a public image.
    /// </summary>
    private async Task<IImageStore> TimedOutWorldAsync()
    {
        var store = await NewStoreAsync();
        await SeedAsync(store);
        Image Alices(string id, ImageState state, DateTimeOffset made) =>
            Sample.CustomImage(Sample.Alice, Sample.Guangzhou, id, id, state) with { CreatedAt = made };
        var old = Cutoff.AddMinutes(-1);
        var recent = Cutoff.AddMinutes(1);
        var bobs = Sample.CustomImage(Sample.Bob, Sample.Guangzhou, "img-bold0001", "bobs", ImageState.Creating) with { CreatedAt = old };
        await AddAsync(
            store,
            Alices("img-cold0001", ImageState.Creating, old),
            Alices("img-ccut0001", ImageState.Creating, Cutoff),
            Alices("img-cnew0001", ImageState.Creating, recent),
            Alices("img-iold0001", ImageState.Importing, old.AddDays(-1)),
            Alices("img-sold0001", ImageState.Syncing, old),
            Alices("img-snew0001", ImageState.Syncing, recent),
            Alices("img-fail0001", ImageState.CreateFailed, old),
            Alices("img-norm0001", ImageState.Normal, old),
            bobs,
            Sample.PublicImage(Sample.Guangzhou, "img-pub00001"));
        await ShareAsync(store, bobs, Sample.Alice);
        return store;
    }
}
