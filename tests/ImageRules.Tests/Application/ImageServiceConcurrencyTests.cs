using System.Collections.Immutable;
using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Storage;
using ImageRules.Tests.Support;
using Xunit.Abstractions;

namespace ImageRules.Tests.Application;

/// <summary>
/// One service hammered from many tasks at once: every invariant of the rules must hold afterwards, and the store must
/// hold exactly what the acknowledged successes imply, so nothing was lost and no refused operation wrote anything.
/// </summary>
public class ImageServiceConcurrencyTests(ITestOutputHelper output)
{
    private const int Workers = 8;
    private const int OperationsPerWorker = 1_000;
    private const int RaceRounds = 25;

    private static readonly Account[] Owners = [Sample.Alice, Sample.Bob, Sample.Carol];
    private static readonly Region[] Regions = [Sample.Guangzhou, Sample.Shanghai, Sample.HongKong];

    /// <summary>A share limit of 4 so that R21 is reached often with few accounts; the quota stays at the seed's 10.</summary>
    private static readonly ImageRulesOptions Options = new() { MaxShareRecipientsPerImage = 4, AllowCopyAcrossMainlandBorder = true };

    /// <summary>The figures <see cref="Options"/> resolve to.</summary>
    private static readonly ImagePolicy Limits = new(Options);

    private const string QuotaExceeded = "ImageQuotaLimitExceeded";
    private const string ShareLimitReached = "OverQuota";

    /// <summary>The refusals a racing workload may meet; anything else (or an exception) is a bug.</summary>
    private static readonly HashSet<string> ExpectedRefusals =
    [
        QuotaExceeded,
        "InvalidImageName.Duplicate",
        "InvalidImageId.IncorrectState",
        "InvalidParameterValue.InvalidImageState",
        "InvalidImageId.NotFound",
        "InvalidImageId.InShared",
        ShareLimitReached,
        "FailedOperation.AccountAlreadyExists",
        "InvalidAccountId.NotFound",
        "InvalidAccountIs.YourSelf",
        "FailedOperation.ConcurrentModification",
    ];

    [Fact]
    public async Task R11_R16_R20_R21_R22_R24_eight_workers_mixing_every_write_keep_every_invariant_and_every_acknowledged_success()
    {
        var world = await TestWorld.CreateAsync(Options);
        AccountId[] recipients = [.. Owners.Select(o => o.Id), .. await ImageServiceShareTests.RootAccountsAsync(world, 5, series: 8)];
        var observer = new RecordingObserver();
        var counted = new ContendedImageStore(world.Store) { YieldsBeforeCommit = true };
        var service = world.Over(counted, observer);

        var ledgers = await Task.WhenAll(Enumerable.Range(0, Workers).Select(w => Task.Run(() => WorkAsync(world, service, recipients, w))));
        var ledger = Ledger.Merge(ledgers);

        output.WriteLine(ledger.Summary());
        output.WriteLine($"commits lost to another worker and decided again: {counted.CommitAttempts - ledger.Successes}");
        Assert.True(counted.CommitAttempts > ledger.Successes, "workers contended for catalogues, so some commits were decided again");
        Assert.All(ledger.Refusals.Keys, code => Assert.Contains(code, ExpectedRefusals));
        Assert.Equal(ledger.Successes, observer.Events.Count);
        Assert.All(ledger.SuccessesByKind.Values, count => Assert.True(count > 0, "every kind of write succeeded at least once"));
        Assert.True(ledger.Refusals.GetValueOrDefault(QuotaExceeded) > 0, "the quota (R11) was reached");
        Assert.True(ledger.Refusals.GetValueOrDefault(ShareLimitReached) > 0, "the share limit (R21) was reached");

        var stored = await StoredImagesAsync(world.Store);
        await AssertImagesAreExactlyTheAcknowledgedOnesAsync(world.Store, ledger, stored);
        await AssertGrantsAreExactlyTheAcknowledgedOnesAsync(world.Store, ledger, stored);
        await AssertGrantsHeldMatchTheirImagesAsync(world.Store, recipients, stored);
    }

    [Fact]
    public async Task R11_R14_of_creates_and_copies_racing_for_the_tenth_slot_exactly_one_wins()
    {
        // Odd rounds hold the racers' commits until all four have decided on the same version, so three must lose.
        var lostCommits = 0;
        for (var round = 0; round < RaceRounds; round++)
        {
            var world = await TestWorld.CreateAsync();
            await ImageServiceCreateTests.CreateManyAsync(world, Sample.Alice, Sample.Guangzhou, 9);
            var source = await world.ReadyImageAsync(Sample.Alice, Sample.Shanghai, "source");
            var counted = new ContendedImageStore(world.Store);
            var service = world.Over(counted);
            GatherOnOddRounds(counted, round, 4);

            var outcomes = await RaceAsync(
                async () => (await service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, "racer-1"))).Failure,
                async () => (await service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, "racer-2"))).Failure,
                async () => (await service.CopyImageAsync(new CopyImage(Sample.Alice.Id, Sample.Shanghai.Id, source.Id, Sample.Guangzhou.Id, "racer-3"))).Failure,
                async () => (await service.CopyImageAsync(new CopyImage(Sample.Alice.Id, Sample.Shanghai.Id, source.Id, Sample.Guangzhou.Id, "racer-4"))).Failure);

            Assert.Single(outcomes, failure => failure is null);
            Assert.All(outcomes.OfType<Failure>(), failure => Refusal.Is<CustomImageQuotaExceeded>(failure, "ImageQuotaLimitExceeded"));
            Assert.Equal(10, (await world.Store.CatalogueAsync(new CatalogueKey(Sample.Alice.Id, Sample.Guangzhou.Id))).Images.Length);
            lostCommits += counted.CommitAttempts - 1;
        }

        output.WriteLine($"commits lost to a racer and decided again: {lostCommits} in {RaceRounds} rounds");
        Assert.True(lostCommits >= 3 * (RaceRounds / 2), "the losers' retry was exercised");
    }

    [Fact]
    public async Task R21_of_shares_racing_for_the_fiftieth_slot_exactly_one_wins()
    {
        // Odd rounds hold the racers' commits until all four have decided on the same version, so three must lose.
        var lostCommits = 0;
        for (var round = 0; round < RaceRounds; round++)
        {
            var world = await TestWorld.CreateAsync();
            var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);
            var recipients = await ImageServiceShareTests.RootAccountsAsync(world, 53);
            Assert.True((await world.Service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, recipients[..49]))).IsSuccess);
            var counted = new ContendedImageStore(world.Store);
            var service = world.Over(counted);
            GatherOnOddRounds(counted, round, 4);

            var outcomes = await RaceAsync([.. recipients[49..].Select<AccountId, Func<Task<Failure?>>>(recipient =>
                async () => (await service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [recipient]))).Failure)]);

            Assert.Single(outcomes, failure => failure is null);
            Assert.All(outcomes.OfType<Failure>(), failure => Refusal.Is<ShareQuotaExceeded>(failure, "OverQuota"));
            Assert.Equal(50, (await world.Store.GrantsOfAsync(image.Id)).Length);
            lostCommits += counted.CommitAttempts - 1;
        }

        output.WriteLine($"commits lost to a racer and decided again: {lostCommits} in {RaceRounds} rounds");
        Assert.True(lostCommits >= 3 * (RaceRounds / 2), "the losers' retry was exercised");
    }

    [Fact]
    public async Task R16_R20_a_delete_racing_a_share_never_leaves_a_grant_on_a_deleted_image()
    {
        // Odd rounds hold both commits until both have decided on the same version, so the loser decides again.
        var deletesWon = 0;
        for (var round = 0; round < RaceRounds * 2; round++)
        {
            var world = await TestWorld.CreateAsync();
            var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);
            var counted = new ContendedImageStore(world.Store);
            var service = world.Over(counted);
            GatherOnOddRounds(counted, round, 2);

            var outcomes = await RaceAsync(
                async () => (await service.DeleteImageAsync(new DeleteImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id))).Failure,
                async () => (await service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [Sample.Bob.Id]))).Failure);

            var (delete, share) = (outcomes[0], outcomes[1]);
            if (delete is null)
            {
                deletesWon++;
                Refusal.Is<ImageNotFound>(share, "InvalidImageId.NotFound");
                Assert.Null(await world.Store.FindImageAsync(image.Id));
                Assert.Empty(await world.Store.GrantsHeldAsync(Sample.Bob.Id, Sample.Guangzhou.Id));
                Assert.Empty(await world.Store.GrantsOfAsync(image.Id));
            }
            else
            {
                Refusal.Is<ImageStillShared>(delete, "InvalidImageId.InShared");
                Assert.Null(share);
                Assert.NotNull(await world.Store.FindImageAsync(image.Id));
                Assert.NotNull(await world.GrantAsync(image.Id, Sample.Bob.Id));
            }
        }

        output.WriteLine($"delete won {deletesWon} of {RaceRounds * 2} rounds");
    }

    private static void GatherOnOddRounds(ContendedImageStore store, int round, int racers)
    {
        if (round % 2 == 1)
        {
            store.GatherNextCommits(racers);
        }
    }

    /// <summary>Starts every racer at once and gives each one's failure, or null for a success, in racer order.</summary>
    private static async Task<Failure?[]> RaceAsync(params Func<Task<Failure?>>[] racers)
    {
        using var start = new ManualResetEventSlim();
        var running = racers.Select(racer => Task.Run(() =>
        {
            start.Wait();
            return racer();
        })).ToArray();
        start.Set();
        return await Task.WhenAll(running);
    }

    /// <summary>One worker's run: random writes against random catalogues, each outcome recorded in its own ledger.</summary>
    private static async Task<Ledger> WorkAsync(TestWorld world, ImageService service, AccountId[] recipients, int worker)
    {
#pragma warning disable CA5394 // Seeded for a reproducible mix of operations, not for security.
        var random = new Random(worker);
        var ledger = new Ledger();
        for (var i = 0; i < OperationsPerWorker; i++)
        {
            await Task.Yield();
            var owner = Owners[random.Next(Owners.Length)];
            var region = Regions[random.Next(Regions.Length)];
            var catalogue = await world.Store.CatalogueAsync(new CatalogueKey(owner.Id, region.Id));
            var roll = catalogue.Images.IsEmpty ? 0 : random.Next(100);
            var target = catalogue.Images.IsEmpty ? null : catalogue.Images[random.Next(catalogue.Images.Length)];
            switch (roll)
            {
                case < 22:
                    ledger.Record(await service.CreateImageAsync(Sample.Create(owner, region, $"w{worker}-{i}")), e => ledger.Created.Add(e.Image));
                    break;
                case < 40:
                    target = catalogue.Images.FirstOrDefault(image => image.State.IsInProgress()) ?? target;
                    ledger.Record(await service.CompleteImageAsync(target!.Id, succeeded: random.Next(10) < 8), e => ledger.Completed.Add(e.ImageId, e.Image.State));
                    break;
                case < 60:
                    var some = recipients.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToImmutableArray();
                    ledger.Record(await service.ShareImageAsync(new ShareImage(owner.Id, region.Id, target!.Id, some)), e => ledger.Count(e.Grants, +1));
                    break;
                case < 74:
                    var held = await world.Store.GrantsOfAsync(target!.Id);
                    var recipient = held.IsEmpty || random.Next(4) == 0 ? recipients[random.Next(recipients.Length)] : held[random.Next(held.Length)].Recipient;
                    ledger.Record(await service.CancelSharingAsync(new CancelSharing(owner.Id, region.Id, target.Id, [recipient])), e => ledger.Count(e.Grants, -1));
                    break;
                case < 78:
                    ledger.Record(await service.CancelAllSharingAsync(new CancelAllSharing(owner.Id, region.Id, target!.Id)), e => ledger.Count(e.Grants, -1));
                    break;
                case < 88:
                    var to = Regions.Where(r => r != region).ElementAt(random.Next(Regions.Length - 1));
                    ledger.Record(await service.CopyImageAsync(new CopyImage(owner.Id, region.Id, target!.Id, to.Id)), e => ledger.Created.Add(e.Copy));
                    break;
                default:
                    ledger.Record(await service.DeleteImageAsync(new DeleteImage(owner.Id, region.Id, target!.Id)), e => ledger.Deleted.Add(e.ImageId));
                    break;
            }
        }
#pragma warning restore CA5394

        return ledger;
    }

    /// <summary>Every custom image stored in the catalogues the workload writes, after checking each against the quota (R11).</summary>
    private static async Task<Dictionary<ImageId, Image>> StoredImagesAsync(TestImageStore store)
    {
        var stored = new Dictionary<ImageId, Image>();
        foreach (var owner in Owners)
        {
            foreach (var region in Regions)
            {
                var key = new CatalogueKey(owner.Id, region.Id);
                var catalogue = await store.CatalogueAsync(key);
                Assert.True(catalogue.Images.Length <= Limits.MaxCustomImagesPerRegion, $"{key} holds {catalogue.Images.Length} images");
                foreach (var image in catalogue.Images)
                {
                    stored.Add(image.Id, image);
                }
            }
        }

        Assert.Equal(stored.Count, store.ImageCount);
        return stored;
    }

    /// <summary>Every acknowledged creation or copy not acknowledged deleted is stored, as made and then completed; nothing else is.</summary>
    private static async Task AssertImagesAreExactlyTheAcknowledgedOnesAsync(TestImageStore store, Ledger ledger, Dictionary<ImageId, Image> stored)
    {
        var expected = ledger.Created.Where(i => !ledger.Deleted.Contains(i.Id)).ToDictionary(i => i.Id);
        Assert.Equal(expected.Keys.ToHashSet(), stored.Keys.ToHashSet());
        foreach (var (id, made) in expected)
        {
            var state = ledger.Completed.TryGetValue(id, out var completed) ? completed : made.State;
            Assert.Equal(made with { State = state }, stored[id]);
        }

        foreach (var id in ledger.Deleted)
        {
            Assert.Null(await store.FindImageAsync(id));
        }
    }

    /// <summary>
    /// Each image holds exactly the grants acknowledged and not acknowledged cancelled (R20, R24), at most the share limit
    /// (R21), in its own region (R22); a deleted image holds none (R16).
    /// </summary>
    private static async Task AssertGrantsAreExactlyTheAcknowledgedOnesAsync(TestImageStore store, Ledger ledger, Dictionary<ImageId, Image> stored)
    {
        Assert.All(ledger.GrantBalance, entry => Assert.InRange(entry.Value, 0, 1));
        foreach (var image in stored.Values)
        {
            var grants = await store.GrantsOfAsync(image.Id);
            Assert.InRange(grants.Length, 0, Limits.MaxShareRecipientsPerImage);
            Assert.All(grants, g => Assert.Equal((image.Id, image.Owner, image.Region), (g.ImageId, (AccountId?)g.Owner, g.Region)));
            Assert.DoesNotContain(grants, g => g.Recipient == image.Owner);
            var acknowledged = ledger.GrantBalance.Where(e => e.Key.Image == image.Id && e.Value == 1).Select(e => e.Key.Recipient);
            Assert.Equal(acknowledged.ToHashSet(), grants.Select(g => g.Recipient).ToHashSet());
        }

        foreach (var id in ledger.Deleted)
        {
            Assert.Empty(await store.GrantsOfAsync(id));
            Assert.All(ledger.GrantBalance.Where(e => e.Key.Image == id), e => Assert.Equal(0, e.Value));
        }
    }

    /// <summary>Every grant a recipient holds in a region is one of a stored image of that region (R5, R16).</summary>
    private static async Task AssertGrantsHeldMatchTheirImagesAsync(TestImageStore store, AccountId[] recipients, Dictionary<ImageId, Image> stored)
    {
        var heldInAll = 0;
        foreach (var recipient in recipients)
        {
            foreach (var region in Regions)
            {
                foreach (var grant in await store.GrantsHeldAsync(recipient, region.Id))
                {
                    Assert.True(stored.TryGetValue(grant.ImageId, out var image), $"{recipient} holds a grant of missing image {grant.ImageId}");
                    Assert.Equal(region.Id, image.Region);
                    Assert.Contains(grant, await store.GrantsOfAsync(grant.ImageId));
                    heldInAll++;
                }
            }
        }

        var granted = 0;
        foreach (var id in stored.Keys)
        {
            granted += (await store.GrantsOfAsync(id)).Length;
        }

        Assert.Equal(granted, heldInAll);
    }

    /// <summary>What one or more workers saw acknowledged, and how often each refusal came back.</summary>
    private sealed class Ledger
    {
        public List<Image> Created { get; } = [];

        public Dictionary<ImageId, ImageState> Completed { get; } = [];

        public HashSet<ImageId> Deleted { get; } = [];

        /// <summary>Acknowledged grants minus acknowledged cancellations, per image and recipient: 1 means it must be held.</summary>
        public Dictionary<(ImageId Image, AccountId Recipient), int> GrantBalance { get; } = [];

        public Dictionary<string, int> SuccessesByKind { get; } = [];

        public Dictionary<string, int> Refusals { get; } = [];

        public int Successes => SuccessesByKind.Values.Sum();

        public static Ledger Merge(IEnumerable<Ledger> ledgers)
        {
            var all = new Ledger();
            foreach (var ledger in ledgers)
            {
                all.Created.AddRange(ledger.Created);
                all.Deleted.UnionWith(ledger.Deleted);
                foreach (var (id, state) in ledger.Completed)
                {
                    all.Completed.Add(id, state);
                }

                Sum(all.GrantBalance, ledger.GrantBalance);
                Sum(all.SuccessesByKind, ledger.SuccessesByKind);
                Sum(all.Refusals, ledger.Refusals);
            }

            return all;
        }

        public void Record<T>(Result<T> result, Action<T> acknowledge)
        {
            if (result.TryGetValue(out var saved, out var failure))
            {
                acknowledge(saved);
                Add(SuccessesByKind, typeof(T).Name, 1);
            }
            else
            {
                Add(Refusals, failure.Code, 1);
            }
        }

        public void Count(IEnumerable<ShareGrant> grants, int delta)
        {
            foreach (var grant in grants)
            {
                Add(GrantBalance, (grant.ImageId, grant.Recipient), delta);
            }
        }

        public string Summary() =>
            $"successes: {string.Join(", ", SuccessesByKind.OrderBy(e => e.Key).Select(e => $"{e.Key} {e.Value}"))}; " +
            $"refusals: {string.Join(", ", Refusals.OrderBy(e => e.Key).Select(e => $"{e.Key} {e.Value}"))}";

        private static void Sum<TKey>(Dictionary<TKey, int> into, Dictionary<TKey, int> from)
            where TKey : notnull
        {
            foreach (var (key, value) in from)
            {
                Add(into, key, value);
            }
        }

        private static void Add<TKey>(Dictionary<TKey, int> counts, TKey key, int delta)
            where TKey : notnull => counts[key] = counts.GetValueOrDefault(key) + delta;
    }
}
