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
/// statements as it runs them, parameters expanded; PostgreSQL's commands as Npgsql traces them).
/// </summary>
[Collection(nameof(StoreSpanListeners))]
public class HiddenImageWorkTests
{
    private static readonly ImageId Missing = new("img-missing1");

    public static TheoryData<string> Operations => ["modify", "delete", "share", "cancel sharing", "cancel all sharing", "copy", "get", "launch", "describe grants"];

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task R6_an_image_hidden_from_the_caller_costs_the_round_trips_and_statements_of_a_missing_one(string operation)
    {
        var database = await TestDatabase.CreateAsync();
        // A clock that never moves: no schema re-check falls due in one run and not the other.
        await using var instance = ServiceInstance.Using(database.OpenInstance(new FakeTimeProvider()));
        await instance.SeedAsync();
        var hidden = await BobsSharedImageAsync(instance.Service);
        var run = Run(operation);

        var forHidden = await StoreTrace.OfAsync(instance.Database, () => run(instance.Service, hidden));
        var forMissing = await StoreTrace.OfAsync(instance.Database, () => run(instance.Service, Missing));

        Assert.Equal(("InvalidImageId.NotFound", "InvalidImageId.NotFound"), (forHidden.Result, forMissing.Result));
        Assert.NotEmpty(forHidden.Statements);
        Assert.Equal(forMissing.RoundTrips, forHidden.RoundTrips);
        Assert.Equal(Normalised(forMissing.Statements, Missing), Normalised(forHidden.Statements, hidden));
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

    private static string[] Normalised(string[] statements, ImageId id) =>
        [.. statements.Select(s => s.Replace(id.Value, "<image id>", StringComparison.Ordinal))];
}
