using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Storage;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Storage;

/// <summary>The in-memory store against the store contract, and its launch read, which takes no lock.</summary>
public sealed class InMemoryImageStoreTests : ImageStoreContract
{
    protected override ValueTask<IImageStore> CreateStoreAsync() => ValueTask.FromResult<IImageStore>(new InMemoryImageStore());

    /// <summary>
    /// A writer flips an image, one commit at a time, between "normal, not shared with Bob" and "syncing, shared with
    /// Bob" while Bob launches it without the store's lock. Bob may see either (not found, R6; or the wrong state,
    /// R30), never the image of one commit with the grants of another: normal and shared, so allowed.
    /// </summary>
    [Fact]
    public async Task R30_a_launch_read_without_the_lock_sees_an_image_and_its_grants_as_one_commit_left_them()
    {
        var store = await GuangzhouWithAliceAndBobAsync();
        var normal = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);
        var syncing = normal with { State = ImageState.Syncing, CreatedAt = normal.CreatedAt };
        var grant = Sample.Grant(normal, Sample.Bob);
        var key = CatalogueKey.Of(normal);
        await AddAsync(store, normal);
        var policy = new ImagePolicy();
        var launch = new LaunchImage(Sample.Bob.Id, Sample.Guangzhou.Id, normal.Id);
        using var done = new CancellationTokenSource();

        var writer = Task.Run(async () =>
        {
            for (var version = 1; version <= 20_000; version++)
            {
                var change = new CatalogueChange { Key = key, ExpectedVersion = version };
                Assert.True(await store.TryCommitAsync(version % 2 == 1
                    ? change with { Updated = [syncing], GrantsAdded = [grant] }
                    : change with { Updated = [normal], GrantsRemoved = [grant] }));
            }

            done.Cancel();
        });
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            var seen = new HashSet<LaunchRefusal>();
            while (!done.IsCancellationRequested)
            {
                var decision = store.DecideLaunch(policy, launch);
                Assert.False(decision.IsAllowed, "a launch saw the image of one commit with the grants of another");
                seen.Add(decision.Refusal);
            }

            return seen;
        })).ToArray();

        await writer;
        var refusals = (await Task.WhenAll(readers)).SelectMany(s => s).ToHashSet();

        Assert.Subset(new HashSet<LaunchRefusal> { LaunchRefusal.ImageNotFound, LaunchRefusal.InvalidImageState }, refusals);
    }

    /// <summary>
    /// A writer commits, one change at a time, either "both images renamed odd, two more added" or "both renamed even,
    /// those two deleted", while Alice lists her catalogue and Bob the two images shared with him, without the store's
    /// lock. Each listing must show the catalogue as one change left it: both names alike, and the images added with
    /// them there exactly when the names are odd (R2, R4).
    /// </summary>
    [Fact]
    public async Task R2_R4_a_listing_read_without_the_lock_sees_each_catalogue_as_one_change_left_it()
    {
        var store = await GuangzhouWithAliceAndBobAsync();
        var first = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000001", "even");
        var second = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000002", "even");
        var added = new[] { Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000003", "odd"), Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000004", "odd") };
        var key = CatalogueKey.Of(first);
        await AddAsync(store, first, second);
        Assert.True(await store.TryCommitAsync(new CatalogueChange { Key = key, ExpectedVersion = 1, GrantsAdded = [Sample.Grant(first, Sample.Bob), Sample.Grant(second, Sample.Bob)] }));
        using var done = new CancellationTokenSource();

        var writer = Task.Run(async () =>
        {
            for (var version = 2; version < 20_002; version++)
            {
                var change = new CatalogueChange { Key = key, ExpectedVersion = version };
                Assert.True(await store.TryCommitAsync(version % 2 == 0
                    ? change with { Updated = [first with { Name = "odd" }, second with { Name = "odd" }], Added = [.. added] }
                    : change with { Updated = [first, second], Deleted = [.. added.Select(i => i.Id)] }));
            }

            done.Cancel();
        });
        var readers = new[] { Sample.Alice, Sample.Bob }.Select(viewer => Task.Run(async () =>
        {
            var reads = 0;
            do
            {
                var page = await store.QueryVisibleAsync(viewer.Id, Sample.Guangzhou.Id, ImageFilter.None, PageRequest.First);
                var listed = page.Items.Where(v => v.Image.Id == first.Id || v.Image.Id == second.Id).Select(v => v.Image.Name).Distinct().ToArray();
                var name = Assert.Single(listed);
                Assert.Equal(viewer == Sample.Alice && name == "odd" ? 4 : 2, page.Items.Length);
                Assert.Equal(page.Items.Length, page.TotalCount);
                reads++;
            }
            while (!done.IsCancellationRequested);

            return reads;
        })).ToArray();

        await writer;
        Assert.All(await Task.WhenAll(readers), reads => Assert.True(reads > 0));
    }

    /// <summary>A store with Guangzhou, Alice and Bob, and nothing else.</summary>
    private static async Task<InMemoryImageStore> GuangzhouWithAliceAndBobAsync()
    {
        var store = new InMemoryImageStore();
        await store.SaveRegionAsync(Sample.Guangzhou);
        await store.SaveAccountAsync(Sample.Alice);
        await store.SaveAccountAsync(Sample.Bob);
        return store;
    }
}
