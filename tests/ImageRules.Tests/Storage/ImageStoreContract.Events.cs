using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Storage;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Storage;

/// <summary>
/// The outbox: a change's event (<see cref="CatalogueChange.Event"/>) is kept exactly when the change is, read back
/// equal, oldest first, until marked delivered (<see cref="IImageStore.ReadPendingEventsAsync"/>,
/// <see cref="IImageStore.MarkEventDeliveredAsync"/>).
/// </summary>
public abstract partial class ImageStoreContract
{
    private static readonly DateTimeOffset Whenever = DateTimeOffset.MaxValue;

    [Fact]
    public async Task Events_an_event_committed_with_its_change_is_pending_until_marked_delivered()
    {
        var store = await NewStoreAsync();
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, state: ImageState.Creating);
        var saved = new SavedImageEvent("alice/1", new ImageCreated(image, new Money(1.5m, "CNY")));

        Assert.True(await store.TryCommitAsync(Change(Key(Sample.Alice, Sample.Guangzhou), 0) with { Added = [image], Event = saved }));

        Assert.Equal([saved], await store.ReadPendingEventsAsync(Whenever, 10));
        await store.MarkEventDeliveredAsync(saved.Id);
        Assert.Empty(await store.ReadPendingEventsAsync(Whenever, 10));
        await store.MarkEventDeliveredAsync(saved.Id);
        await store.MarkEventDeliveredAsync("never/0");
    }

    [Fact]
    public async Task Events_the_event_of_a_change_not_written_is_not_kept()
    {
        var store = await NewStoreAsync();
        var key = Key(Sample.Alice, Sample.Guangzhou);
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);
        await AddAsync(store, image);

        // A race lost (a stale version) and a change that contradicts its catalogue (a grant that does not exist).
        Assert.False(await store.TryCommitAsync(Change(key, 0) with { Deleted = [image.Id], Event = Deleted(image, "stale/1") }));
        Assert.False(await CommitOrRefuseAsync(store, Change(key, 1) with { GrantsRemoved = [Sample.Grant(image, Sample.Bob)], Event = Deleted(image, "broken/2") }));
        Assert.True(await store.DecideAsync(new FactsQuery(Sample.Alice.Id, Sample.Guangzhou.Id) { Catalogue = key }, _ => null));

        Assert.Empty(await store.ReadPendingEventsAsync(Whenever, 10));
    }

    [Fact]
    public async Task Events_pending_events_come_oldest_first_up_to_the_limit_and_only_those_occurred_by_the_instant()
    {
        var store = await NewStoreAsync();
        var key = Key(Sample.Alice, Sample.Guangzhou);
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);
        SavedImageEvent[] events = [.. new[] { 3, 1, 2 }.Select(minutes => new SavedImageEvent($"alice/{minutes}", new ImageDeleted(image, Sample.Now.AddMinutes(minutes))))];
        for (var version = 0; version < events.Length; version++)
        {
            Assert.True(await store.TryCommitAsync(Change(key, version) with { Event = events[version] }));
        }

        Assert.Equal(["alice/1", "alice/2", "alice/3"], (await store.ReadPendingEventsAsync(Whenever, 10)).Select(e => e.Id));
        Assert.Equal(["alice/1", "alice/2"], (await store.ReadPendingEventsAsync(Whenever, 2)).Select(e => e.Id));
        Assert.Equal(["alice/1", "alice/2"], (await store.ReadPendingEventsAsync(Sample.Now.AddMinutes(2), 10)).Select(e => e.Id));
        Assert.Empty(await store.ReadPendingEventsAsync(Sample.Now, 10));
    }

    [Fact]
    public async Task Events_every_kind_of_event_reads_back_equal_to_the_one_written()
    {
        var store = await NewStoreAsync();
        var key = Key(Sample.Alice, Sample.Guangzhou);
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou) with { Description = "ünïcode \"quoted\" \\ text", Architecture = Architecture.Arm64 };
        var creating = image with { State = ImageState.Creating, SourceInstance = null, Source = ImageSource.Imported, OperatingSystem = Sample.WindowsServer };
        var copy = image with { Id = new ImageId("img-copy0001"), Region = Sample.Shanghai.Id, CopiedFrom = image.Id, State = ImageState.Syncing };
        var at = new DateTimeOffset(2026, 11, 26, 20, 0, 0, TimeSpan.FromHours(8)).AddTicks(1234567);
        ShareGrant[] grants = [Sample.Grant(image, Sample.Bob), Sample.Grant(image, Sample.Carol) with { GrantedAt = at }];
        IImageEvent[] every =
        [
            new ImageCreated(creating, new Money(0.12m, "CNY")),
            new ImageImported(creating, new Money(3m, "USD"), Advisories.NoWindowsActivation | Advisories.UntrustedSource),
            new ImageCopied(image, copy, new Money(0m, "CNY")),
            new ImagePublished(Sample.PublicImage(Sample.Guangzhou), at),
            new ImageModified(image, image with { Name = "renamed" }, at),
            new ImageCompleted(creating, creating with { State = ImageState.Normal }, at),
            new ImageDeleted(image, at),
            new ImageShared(image, [.. grants], at),
            new ImageSharingCancelled(image, [.. grants], at),
        ];
        for (var version = 0; version < every.Length; version++)
        {
            Assert.True(await store.TryCommitAsync(Change(key, version) with { Event = new SavedImageEvent($"e/{version}", every[version]) }));
        }

        var read = await store.ReadPendingEventsAsync(Whenever, 100);

        Assert.Equal(every.ToHashSet(), read.Select(e => e.Event).ToHashSet());
        Assert.All(read, e => Assert.Equal(every[int.Parse(e.Id[2..], System.Globalization.CultureInfo.InvariantCulture)], e.Event));
    }

    private static SavedImageEvent Deleted(Image image, string id) => new(id, new ImageDeleted(image, Sample.Now));
}
