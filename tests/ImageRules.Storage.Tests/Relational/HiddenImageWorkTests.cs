using System.Collections.Concurrent;
using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Storage.Tests.Support;
using ImageRules.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ImageRules.Storage.Tests;

/// <summary>
/// Issue 11, R6: an image the caller cannot see and a missing one cost the same database work for every operation
/// that names an image: the same round trips and the same statements, told apart by nothing but the id (SQLite's
/// statements as it runs them, parameters expanded; PostgreSQL's commands as Npgsql traces them), returning the same
/// rows (the facts each load hands back: none of the hidden image, its grants or its owner's catalogue).
/// </summary>
[Collection(nameof(StoreSpanListeners))]
public class HiddenImageWorkTests
{
    private static readonly ImageId Missing = new("img-missing1");

    public static TheoryData<string> Operations => ["modify", "delete", "share", "cancel sharing", "cancel all sharing", "copy", "get", "launch", "describe grants"];

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task R6_an_image_hidden_from_the_caller_costs_the_round_trips_statements_and_rows_of_a_missing_one(string operation)
    {
        var database = await TestDatabase.CreateAsync();
        // A clock that never moves: no schema re-check falls due in one run and not the other.
        await using var instance = ServiceInstance.Using(database.OpenInstance(new FakeTimeProvider()));
        await instance.SeedAsync();
        var hidden = await BobsSharedImageAsync(instance.Service);
        var loads = new LoadedFacts(instance.Images);
        var service = new ImageService(instance.Policy, loads, new RandomImageIdGenerator(), new FakeTimeProvider(Sample.Now));
        var run = Run(operation);

        var forHidden = await StoreTrace.OfAsync(instance.Database, () => run(service, hidden));
        var factsForHidden = loads.Take();
        var forMissing = await StoreTrace.OfAsync(instance.Database, () => run(service, Missing));
        var factsForMissing = loads.Take();

        Assert.Equal(("InvalidImageId.NotFound", "InvalidImageId.NotFound"), (forHidden.Result, forMissing.Result));
        Assert.NotEmpty(forHidden.Statements);
        Assert.Equal(forMissing.RoundTrips, forHidden.RoundTrips);
        Assert.Equal(Normalised(forMissing.Statements, Missing), Normalised(forHidden.Statements, hidden));
        Assert.Equal(Rows(factsForMissing), Rows(factsForHidden));
        Assert.Equal(factsForMissing, factsForHidden);
        Assert.All(factsForHidden, f => Assert.Equal((null, 0, 0), (f.Image, f.Grants.Length, f.Catalogue.Length)));
    }

    /// <summary>Bob's image in Guangzhou, beside another of his, shared with Carol: Alice, the caller, sees none of it.</summary>
    private static async Task<ImageId> BobsSharedImageAsync(ImageService service)
    {
        var made = new List<ImageId>();
        foreach (var name in new[] { "hidden", "beside it" })
        {
            var created = (await service.CreateImageAsync(Sample.Create(Sample.Bob, Sample.Guangzhou, name))).Value;
            made.Add((await service.CompleteImageAsync(created.Image.Id, succeeded: true)).Value.Image.Id);
        }

        Assert.True((await service.ShareImageAsync(new ShareImage(Sample.Bob.Id, Sample.Guangzhou.Id, made[0], [Sample.Carol.Id]))).IsSuccess);
        return made[0];
    }

    /// <summary>The operation by Alice on the image, answering the provider's code of its refusal (null when it succeeds).</summary>
    private static Func<ImageService, ImageId, Task<string?>> Run(string operation)
    {
        var (alice, guangzhou) = (Sample.Alice.Id, Sample.Guangzhou.Id);
        return operation switch
        {
            "modify" => async (s, id) => (await s.ModifyImageAsync(new ModifyImage(alice, guangzhou, id, Name: "renamed"))).Failure?.Code,
            "delete" => async (s, id) => (await s.DeleteImageAsync(new DeleteImage(alice, guangzhou, id))).Failure?.Code,
            "share" => async (s, id) => (await s.ShareImageAsync(new ShareImage(alice, guangzhou, id, [Sample.Carol.Id]))).Failure?.Code,
            "cancel sharing" => async (s, id) => (await s.CancelSharingAsync(new CancelSharing(alice, guangzhou, id, [Sample.Carol.Id]))).Failure?.Code,
            "cancel all sharing" => async (s, id) => (await s.CancelAllSharingAsync(new CancelAllSharing(alice, guangzhou, id))).Failure?.Code,
            "copy" => async (s, id) => (await s.CopyImageAsync(new CopyImage(alice, guangzhou, id, Sample.Shanghai.Id))).Failure?.Code,
            "get" => async (s, id) => (await s.GetImageAsync(new GetImage(alice, guangzhou, id))).Failure?.Code,
            "launch" => async (s, id) => (await s.LaunchAsync(new LaunchImage(alice, guangzhou, id))).Failure?.Code,
            _ => async (s, id) => (await s.DescribeShareGrantsAsync(new DescribeShareGrants(alice, guangzhou, id))).Failure?.Code,
        };
    }

    /// <summary>The rows each load returned: the caller, the region, the image, its grants, the catalogue's images and the accounts and target region found.</summary>
    private static int[] Rows(ImageFacts[] loads) =>
        [.. loads.Select(f => (f.Caller is null ? 0 : 1) + (f.Region is null ? 0 : 1) + (f.Image is null ? 0 : 1) + f.Grants.Length + f.Catalogue.Length
            + f.Accounts.Count + (f.TargetRegion is null ? 0 : 1))];

    private static string[] Normalised(string[] statements, ImageId id) =>
        [.. statements.Select(s => s.Replace(id.Value, "<image id>", StringComparison.Ordinal))];

    /// <summary>The store under the service, keeping the facts of every load it hands back, to a decision or to a read.</summary>
    private sealed class LoadedFacts(IImageStore inner) : ForwardingImageStore(inner), IImageStore
    {
        private readonly ConcurrentQueue<ImageFacts> loaded = new();

        /// <summary>The facts loaded since the last call, in order.</summary>
        public ImageFacts[] Take()
        {
            var taken = loaded.ToArray();
            loaded.Clear();
            return taken;
        }

        public override async ValueTask<ImageFacts> LoadFactsAsync(FactsQuery query, CancellationToken cancellationToken = default) =>
            Kept(await Inner.LoadFactsAsync(query, cancellationToken));

        ValueTask<bool> IImageStore.DecideAsync(FactsQuery query, Func<ImageFacts, CatalogueChange?> decide, CancellationToken cancellationToken) =>
            Inner.DecideAsync(query, facts => decide(Kept(facts)), cancellationToken);

        private ImageFacts Kept(ImageFacts facts)
        {
            loaded.Enqueue(facts);
            return facts;
        }
    }
}
