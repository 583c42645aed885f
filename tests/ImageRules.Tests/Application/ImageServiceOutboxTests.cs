using System.Collections.Concurrent;
using ImageRules.Application;
using ImageRules.Domain.Events;
using ImageRules.Policy;
using ImageRules.Storage;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Application;

/// <summary>
/// Events never lost: a saved change's event is written with the change and stays pending until every observer has
/// taken it; <see cref="ImageService.DeliverPendingEventsAsync"/> delivers what is pending again, with the same id.
/// </summary>
public class ImageServiceOutboxTests
{
    private static readonly DateTimeOffset Whenever = DateTimeOffset.MaxValue;

    [Fact]
    public async Task Events_an_event_has_the_id_of_its_catalogue_change_and_once_every_observer_took_it_nothing_is_pending()
    {
        var world = await TestWorld.CreateAsync();
        var observer = new RecordingObserver();
        var service = world.ObservedBy(observer);

        var first = (await service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, "first"))).Value;
        var second = (await service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, "second"))).Value;

        var catalogue = $"{Sample.Alice.Id}/{Sample.Guangzhou.Id}/";
        Assert.Equal(
            [new SavedImageEvent(catalogue + "1", first), new SavedImageEvent(catalogue + "2", second)],
            observer.Heard);
        Assert.Empty(await world.Store.ReadPendingEventsAsync(Whenever, 10));
    }

    [Fact]
    public async Task Events_with_no_observer_no_event_is_written()
    {
        var world = await TestWorld.CreateAsync();
        var store = new CommitsSeen(world.Store);
        var service = world.Over(store);

        Assert.True((await service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou))).IsSuccess);

        Assert.Null(Assert.Single(store.Changes).Event);
        Assert.Empty(await world.Store.ReadPendingEventsAsync(Whenever, 10));
        Assert.Equal(0, await service.DeliverPendingEventsAsync(TimeSpan.Zero));
    }

    [Fact]
    public async Task Events_an_observer_that_throws_fails_no_caller_leaves_the_event_pending_and_it_is_delivered_again_with_its_id()
    {
        var world = await TestWorld.CreateAsync();
        var flaky = new FlakyObserver { FailuresLeft = 1 };
        var recorder = new RecordingObserver();
        var service = world.ObservedBy(flaky, recorder);

        var created = await service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou));

        Assert.True(created.IsSuccess);
        var told = Assert.Single(recorder.Heard);
        Assert.Equal(created.Value, told.Event);
        Assert.Equal([told], await world.Store.ReadPendingEventsAsync(Whenever, 10));

        Assert.Equal(1, await service.DeliverPendingEventsAsync(TimeSpan.Zero));

        Assert.Equal([told, told], recorder.Heard);
        Assert.Equal([told], flaky.Heard);
        Assert.Empty(await world.Store.ReadPendingEventsAsync(Whenever, 10));
        Assert.Equal(0, await service.DeliverPendingEventsAsync(TimeSpan.Zero));
    }

    [Fact]
    public async Task Events_an_event_that_fails_again_stays_pending_and_one_younger_than_the_minimum_age_waits()
    {
        var world = await TestWorld.CreateAsync();
        var flaky = new FlakyObserver { FailuresLeft = 2 };
        var service = world.ObservedBy(flaky);
        await service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou));

        Assert.Equal(0, await service.DeliverPendingEventsAsync(TimeSpan.Zero));
        Assert.Single(await world.Store.ReadPendingEventsAsync(Whenever, 10));

        Assert.Equal(0, await service.DeliverPendingEventsAsync(TimeSpan.FromMinutes(1)));
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await service.DeliverPendingEventsAsync(TimeSpan.FromMinutes(1)));
        Assert.Single(flaky.Heard);
    }

    [Fact]
    public async Task Events_an_instance_that_stopped_between_its_commit_and_its_observers_loses_no_event()
    {
        var world = await TestWorld.CreateAsync();

        // The first instance saves changes and stops before its observers hear them: they throw as a dying process would.
        var stopped = world.ObservedBy(new FlakyObserver { FailuresLeft = int.MaxValue });
        var created = (await stopped.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou))).Value;
        var completed = (await stopped.CompleteImageAsync(created.Image.Id, succeeded: true)).Value;
        var shared = (await stopped.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, created.Image.Id, [Sample.Bob.Id]))).Value;

        var recorder = new RecordingObserver();
        var next = world.ObservedBy(recorder);
        Assert.Equal(3, await next.DeliverPendingEventsAsync(TimeSpan.Zero));

        Assert.Equal([created, completed, shared], recorder.Events.OrderBy(e => e.OccurredAt));
        Assert.Empty(await world.Store.ReadPendingEventsAsync(Whenever, 10));
    }

    [Fact]
    public async Task Events_more_pending_events_than_one_read_are_all_delivered()
    {
        var world = await TestWorld.CreateAsync(new ImageRulesOptions { MaxCustomImagesPerRegion = 150 });
        var stopped = world.ObservedBy(new FlakyObserver { FailuresLeft = int.MaxValue });
        for (var i = 0; i < 120; i++)
        {
            Assert.True((await stopped.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, $"image-{i}"))).IsSuccess);
        }

        var recorder = new RecordingObserver();
        Assert.Equal(120, await world.ObservedBy(recorder).DeliverPendingEventsAsync(TimeSpan.Zero));

        Assert.Equal(120, recorder.Heard.Select(s => s.Id).Distinct().Count());
    }

    /// <summary>Keeps every change committed through it.</summary>
    private sealed class CommitsSeen(IImageStore inner) : DelegatingImageStore(inner)
    {
        private readonly ConcurrentQueue<CatalogueChange> changes = new();

        public IReadOnlyCollection<CatalogueChange> Changes => changes;

        public override ValueTask<bool> TryCommitAsync(CatalogueChange change, CancellationToken cancellationToken = default)
        {
            changes.Enqueue(change);
            return base.TryCommitAsync(change, cancellationToken);
        }
    }

    /// <summary>An observer that throws while <see cref="FailuresLeft"/> lasts, then keeps what it hears.</summary>
    internal sealed class FlakyObserver : IImageEventObserver
    {
        private readonly RecordingObserver heard = new();

        public int FailuresLeft { get; set; }

        public IReadOnlyList<SavedImageEvent> Heard => heard.Heard;

        public ValueTask OnSavedAsync(SavedImageEvent saved, CancellationToken cancellationToken)
        {
            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new InvalidOperationException("the audit trail is down");
            }

            return heard.OnSavedAsync(saved, cancellationToken);
        }
    }
}
