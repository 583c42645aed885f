using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Tests.Support;
using Xunit.Abstractions;
using static ImageRules.Tests.Application.CountingImageStore;

namespace ImageRules.Tests.Application;

/// <summary>
/// What each operation costs the store, counted by <see cref="CountingImageStore"/>: a write loads its facts once and
/// commits once (the engine decides on one read, never re-deriving a rule with another lookup), and an image hidden
/// from the caller costs exactly the store calls a missing one costs, so timing cannot tell them apart (R6).
/// </summary>
public class ImageServiceStoreCallTests(ITestOutputHelper output)
{
    public static TheoryData<string> Writes => ["create", "import", "copy", "modify", "delete", "share", "cancel", "cancel all"];

    public static TheoryData<string, string> ImageRequests => Cases(
        ["launch", "get", "describe grants", "describe images by id", "copy", "modify", "delete", "share", "cancel", "cancel all"],
        ["owned by another account", "in another region"]);

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task R10_R14_R16_R20_R24_an_uncontended_write_loads_its_facts_once_and_commits_once(string operation)
    {
        var (world, ready, shared) = await WorldAsync();
        var store = new CountingImageStore(world.Store);

        var failure = await WriteAsync(world.Over(store), operation, ready, shared);

        Assert.Null(failure);
        output.WriteLine($"{operation}: {store.Summary()}");
        Assert.Equal([LoadFacts, TryCommit], Kinds(store));
    }

    [Fact]
    public async Task R10_R3_a_platform_write_loads_its_facts_once_and_commits_once()
    {
        var world = await TestWorld.CreateAsync();
        var image = (await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou))).Value.Image;
        var store = new CountingImageStore(world.Store);
        var service = world.Over(store);

        Assert.True((await service.CompleteImageAsync(image.Id, succeeded: true)).IsSuccess);
        output.WriteLine($"complete: {store.Summary()}");
        Assert.Equal([FindImage, LoadFacts, TryCommit], Kinds(store));

        store.Reset();
        Assert.True((await service.PublishPublicImageAsync(Sample.PublicImage(Sample.Guangzhou))).IsSuccess);
        output.WriteLine($"publish: {store.Summary()}");
        Assert.Equal([LoadFacts, TryCommit], Kinds(store));
    }

    [Fact]
    public async Task R2_R27_R30_a_read_loads_its_facts_once_and_a_listing_adds_one_query()
    {
        var (world, _, shared) = await WorldAsync();
        var store = new CountingImageStore(world.Store);
        var service = world.Over(store);
        var (bob, here) = (Sample.Bob.Id, Sample.Guangzhou.Id);

        Func<Task<bool>>[] reads =
        [
            async () => (await service.LaunchAsync(new LaunchImage(bob, here, shared.Id))).IsSuccess,
            async () => (await service.GetImageAsync(new GetImage(bob, here, shared.Id))).IsSuccess,
            async () => (await service.DescribeShareGrantsAsync(new DescribeShareGrants(bob, here, shared.Id))).IsSuccess,
            async () => (await service.DescribeQuotaAsync(new DescribeQuota(bob, here))).IsSuccess,
        ];
        foreach (var read in reads)
        {
            store.Reset();
            Assert.True(await read());
            Assert.Equal([LoadFacts], Kinds(store));
        }

        store.Reset();
        Assert.True((await service.DescribeImagesAsync(new DescribeImages(bob, here))).IsSuccess);
        Assert.Equal([LoadFacts, QueryVisible], Kinds(store));
    }

    [Fact]
    public async Task R11_a_write_that_lost_a_race_loads_its_facts_again_once_per_attempt()
    {
        var world = await TestWorld.CreateAsync();
        var contended = new ContendedImageStore(world.Store);
        var store = new CountingImageStore(contended);
        contended.RefuseNextCommits(2);

        Assert.True((await world.Over(store).CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou))).IsSuccess);

        Assert.Equal([LoadFacts, TryCommit, LoadFacts, TryCommit, LoadFacts, TryCommit], Kinds(store));
    }

    [Theory]
    [MemberData(nameof(ImageRequests))]
    public async Task R6_an_image_hidden_from_the_caller_costs_the_same_store_calls_as_a_missing_one(string operation, string hiddenHow)
    {
        var (world, ready, _) = await WorldAsync();
        var (caller, region) = hiddenHow == "in another region" ? (Sample.Alice.Id, Sample.Shanghai.Id) : (Sample.Carol.Id, Sample.Guangzhou.Id);
        var hiddenStore = new CountingImageStore(world.Store);
        var missingStore = new CountingImageStore(world.Store);

        var hidden = await AskAsync(world.Over(hiddenStore), operation, caller, region, ready.Id);
        var missing = await AskAsync(world.Over(missingStore), operation, caller, region, new ImageId("img-nothere1"));

        output.WriteLine($"{operation}, image {hiddenHow}: hidden {hiddenStore.Summary()}; missing {missingStore.Summary()}");
        Assert.Equal(missing, hidden);
        Assert.Equal(missingStore.Calls, hiddenStore.Calls);
        Assert.DoesNotContain(TryCommit, Kinds(hiddenStore));
    }

    /// <summary>A world with a ready image of Alice in Guangzhou and another shared with Bob.</summary>
    internal static async Task<(TestWorld World, Image Ready, Image Shared)> WorldAsync()
    {
        var world = await TestWorld.CreateAsync();
        var ready = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou, "ready");
        var shared = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou, "shared");
        Assert.True((await world.Service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, shared.Id, [Sample.Bob.Id]))).IsSuccess);
        return (world, ready, shared);
    }

    /// <summary>Alice's write that succeeds in <see cref="WorldAsync"/>'s world: its failure, or null.</summary>
    private static async Task<global::ImageRules.Policy.Failure?> WriteAsync(ImageService service, string operation, Image ready, Image shared)
    {
        var (alice, here) = (Sample.Alice.Id, Sample.Guangzhou.Id);
        return operation switch
        {
            "create" => (await service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, "new"))).Failure,
            "import" => (await service.ImportImageAsync(Sample.Import(Sample.Alice, Sample.Guangzhou))).Failure,
            "copy" => (await service.CopyImageAsync(new CopyImage(alice, here, ready.Id, Sample.Shanghai.Id))).Failure,
            "modify" => (await service.ModifyImageAsync(new ModifyImage(alice, here, ready.Id, "renamed"))).Failure,
            "delete" => (await service.DeleteImageAsync(new DeleteImage(alice, here, ready.Id))).Failure,
            "share" => (await service.ShareImageAsync(new ShareImage(alice, here, ready.Id, [Sample.Carol.Id]))).Failure,
            "cancel" => (await service.CancelSharingAsync(new CancelSharing(alice, here, shared.Id, [Sample.Bob.Id]))).Failure,
            "cancel all" => (await service.CancelAllSharingAsync(new CancelAllSharing(alice, here, shared.Id))).Failure,
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "no such write"),
        };
    }

    /// <summary>The answer to a request naming <paramref name="id"/>, without the id: the failure's code, or what was found.</summary>
    private static async Task<string> AskAsync(ImageService service, string operation, AccountId caller, RegionId region, ImageId id) => operation switch
    {
        "launch" => Answer((await service.LaunchAsync(new LaunchImage(caller, region, id))).Failure),
        "get" => Answer((await service.GetImageAsync(new GetImage(caller, region, id))).Failure),
        "describe grants" => Answer((await service.DescribeShareGrantsAsync(new DescribeShareGrants(caller, region, id))).Failure),
        "describe images by id" => $"{(await service.DescribeImagesAsync(new DescribeImages(caller, region, new ImageFilter { ImageIds = [id] }))).Value.TotalCount} found",
        "copy" => Answer((await service.CopyImageAsync(new CopyImage(caller, region, id, Sample.HongKong.Id))).Failure),
        "modify" => Answer((await service.ModifyImageAsync(new ModifyImage(caller, region, id, "renamed"))).Failure),
        "delete" => Answer((await service.DeleteImageAsync(new DeleteImage(caller, region, id))).Failure),
        "share" => Answer((await service.ShareImageAsync(new ShareImage(caller, region, id, [Sample.Bob.Id]))).Failure),
        "cancel" => Answer((await service.CancelSharingAsync(new CancelSharing(caller, region, id, [Sample.Bob.Id]))).Failure),
        "cancel all" => Answer((await service.CancelAllSharingAsync(new CancelAllSharing(caller, region, id))).Failure),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "no such request"),
    };

    private static string Answer(global::ImageRules.Policy.Failure? failure) => failure?.Code ?? "success";

    /// <summary>The kinds of the calls made, without their shapes.</summary>
    private static string[] Kinds(CountingImageStore store) => [.. store.Calls.Select(c => c.Split('(')[0])];

    private static TheoryData<string, string> Cases(string[] operations, string[] variants)
    {
        var cases = new TheoryData<string, string>();
        foreach (var operation in operations)
        {
            foreach (var variant in variants)
            {
                cases.Add(operation, variant);
            }
        }

        return cases;
    }
}
