using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Storage;
using ImageRules.Tests.Support;
using static ImageRules.Tests.Application.CountingImageStore;

namespace ImageRules.Tests.Application;

/// <summary>
/// A request marked DryRun is decided in full and changes nothing (R38): <see cref="DryRunPassed"/> (code
/// <c>DryRunOperation</c>) where it would succeed, the real refusal otherwise; nothing is saved and no observer hears of it.
/// </summary>
public class ImageServiceDryRunTests
{
    public static TheoryData<string, ImageOperation> WouldSucceed => new()
    {
        { "create", ImageOperation.Create },
        { "import", ImageOperation.Import },
        { "copy", ImageOperation.Copy },
        { "modify", ImageOperation.Modify },
        { "delete", ImageOperation.Delete },
        { "share", ImageOperation.Share },
        { "cancel", ImageOperation.CancelSharing },
        { "cancel all", ImageOperation.CancelSharing },
    };

    public static TheoryData<string, string> WouldBeRefused => new()
    {
        { "create", "InvalidImageName.Duplicate" },
        { "import", "InvalidImageOsType.Unsupported" },
        { "copy", "InvalidRegion.NotFound" },
        { "modify", "UnsupportedOperation.SharedImageModifyUnsupported" },
        { "delete", "InvalidImageId.InShared" },
        { "share", "InvalidAccountIs.YourSelf" },
        { "cancel", "InvalidAccountId.NotFound" },
        { "cancel all", "UnauthorizedOperation.ImageNotBelongToAccount" },
    };

    [Theory]
    [MemberData(nameof(WouldSucceed))]
    public async Task R38_a_dry_run_that_would_succeed_is_DryRunOperation_and_saves_nothing(string operation, ImageOperation decided)
    {
        var (world, ready, shared) = await ImageServiceStoreCallTests.WorldAsync();
        var before = await SnapshotAsync(world, ready, shared);
        var observer = new RecordingObserver();
        var store = new CountingImageStore(world.Store);

        var failure = await DryRunAsync(world.Over(store, observer), operation, ready, shared, refused: false);

        Assert.Equal(decided, Refusal.Is<DryRunPassed>(failure, "DryRunOperation").Operation);
        Assert.Equal(before, await SnapshotAsync(world, ready, shared));
        Assert.Empty(observer.Events);
        Assert.Equal(1, store.Count(LoadFacts));
        Assert.Equal(0, store.Count(TryCommit));
    }

    [Theory]
    [MemberData(nameof(WouldBeRefused))]
    public async Task R38_a_dry_run_that_would_be_refused_is_the_real_refusal_and_saves_nothing(string operation, string code)
    {
        var (world, ready, shared) = await ImageServiceStoreCallTests.WorldAsync();
        var before = await SnapshotAsync(world, ready, shared);
        var observer = new RecordingObserver();

        var failure = await DryRunAsync(world.ObservedBy(observer), operation, ready, shared, refused: true);

        Assert.Equal(code, failure?.Code);
        Assert.Equal(before, await SnapshotAsync(world, ready, shared));
        Assert.Empty(observer.Events);
    }

    [Theory]
    [MemberData(nameof(WouldSucceed))]
    public async Task R38_the_request_a_dry_run_passed_then_succeeds_for_real(string operation, ImageOperation decided)
    {
        var (world, ready, shared) = await ImageServiceStoreCallTests.WorldAsync();
        var observer = new RecordingObserver();
        var service = world.ObservedBy(observer);
        Assert.Equal(decided, Refusal.Is<DryRunPassed>(await DryRunAsync(service, operation, ready, shared, refused: false), "DryRunOperation").Operation);

        Assert.Null(await DryRunAsync(service, operation, ready, shared, refused: false, dryRun: false));
        Assert.Single(observer.Events);
    }

    [Fact]
    public async Task R38_R11_a_dry_run_over_the_quota_is_ImageQuotaLimitExceeded()
    {
        var world = await TestWorld.CreateAsync();
        await ImageServiceCreateTests.CreateManyAsync(world, Sample.Alice, Sample.Guangzhou, 10);

        var created = await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, "eleventh") with { DryRun = true });

        Refusal.Is<CustomImageQuotaExceeded>(created.Failure, "ImageQuotaLimitExceeded");
        Assert.Equal(10, world.Store.ImageCount);
    }

    /// <summary>
    /// The dry run of <paramref name="operation"/> (a real request when <paramref name="dryRun"/> is false): one that
    /// would succeed, or one the rules refuse when <paramref name="refused"/>. Its failure, or null.
    /// </summary>
    private static async Task<Failure?> DryRunAsync(ImageService service, string operation, Image ready, Image shared, bool refused, bool dryRun = true)
    {
        var (alice, here) = (Sample.Alice.Id, Sample.Guangzhou.Id);
        return operation switch
        {
            "create" => (await service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, refused ? "ready" : "new") with { DryRun = dryRun })).Failure,
            "import" => (await service.ImportImageAsync(Sample.Import(Sample.Alice, Sample.Guangzhou, osType: refused ? "FreeBSD" : "CentOS") with { DryRun = dryRun })).Failure,
            "copy" => (await service.CopyImageAsync(new CopyImage(alice, here, ready.Id, refused ? new RegionId("eu-nowhere") : Sample.Shanghai.Id, DryRun: dryRun))).Failure,
            "modify" => (await service.ModifyImageAsync(new ModifyImage(refused ? Sample.Bob.Id : alice, here, shared.Id, "renamed", DryRun: dryRun))).Failure,
            "delete" => (await service.DeleteImageAsync(new DeleteImage(alice, here, refused ? shared.Id : ready.Id, dryRun))).Failure,
            "share" => (await service.ShareImageAsync(new ShareImage(alice, here, ready.Id, [refused ? alice : Sample.Carol.Id], dryRun))).Failure,
            "cancel" => (await service.CancelSharingAsync(new CancelSharing(alice, here, shared.Id, [refused ? Sample.Carol.Id : Sample.Bob.Id], dryRun))).Failure,
            "cancel all" => (await service.CancelAllSharingAsync(new CancelAllSharing(refused ? Sample.Bob.Id : alice, here, shared.Id, dryRun))).Failure,
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "no such write"),
        };
    }

    /// <summary>Everything the dry runs could touch, as text: the images and versions of Alice's catalogues and the grants of both images.</summary>
    private static async Task<string> SnapshotAsync(TestWorld world, Image ready, Image shared)
    {
        var lines = new List<string> { $"images stored: {world.Store.ImageCount}" };
        foreach (var region in new[] { Sample.Guangzhou, Sample.Shanghai })
        {
            var (images, version) = await world.Store.CatalogueAsync(new CatalogueKey(Sample.Alice.Id, region.Id));
            lines.Add($"{region.Id} v{version}: {string.Join(", ", images.OrderBy(i => i.Id.Value, StringComparer.Ordinal))}");
        }

        foreach (var image in new[] { ready, shared })
        {
            lines.Add($"{image.Id} grants: {string.Join(", ", (await world.Store.GrantsOfAsync(image.Id)).Select(g => g.Recipient.Value).Order(StringComparer.Ordinal))}");
        }

        return string.Join('\n', lines);
    }
}
