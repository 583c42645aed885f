using ImageRules.Application;
using ImageRules.Policy;
using ImageRules.Storage;
using ImageRules.Tests.Support;
using Microsoft.Extensions.Logging;

namespace ImageRules.Tests.Application;

/// <summary>
/// A store call that fails for a transient reason (<see cref="ImageStoreUnavailableException"/>) is made again, a
/// bounded number of times, and logged; then, or at once when a commit's outcome is unknown, the caller gets that one
/// documented exception. Any other exception passes unretried. The store is disturbed by <see cref="UnavailableImageStore"/>.
/// </summary>
public class ImageServiceTransientFailureTests
{
    private const string Load = nameof(IImageStore.LoadFactsAsync);
    private const string Commit = nameof(IImageStore.TryCommitAsync);
    private const int Attempts = ImageService.MaxTransientAttempts;

    [Fact]
    public async Task R11_loads_and_commits_failing_for_a_while_are_made_again_and_logged_and_each_write_is_saved_once()
    {
        var world = await TestWorld.CreateAsync();
        var store = new UnavailableImageStore(world.Store);
        var logger = new RecordingLogger<ImageService>();
        var service = new ImageService(world.Service.Policy, store, world.Ids, world.Clock, logger: logger);

        store.FailNext(Load, Attempts - 1);
        var first = await service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, "first"));
        Assert.Equal((Attempts, 1), (store.Calls(Load), store.Calls(Commit)));
        store.FailNext(Commit, Attempts - 1);
        var second = await service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, "second"));

        Assert.True(first.IsSuccess);
        Assert.True(second.IsSuccess);
        // A write is one store step (IImageStore.DecideAsync): after a failed commit it is decided again on fresh facts.
        Assert.Equal((2 * Attempts, 1 + Attempts), (store.Calls(Load), store.Calls(Commit)));
        Assert.Equal(2, (await world.Store.CatalogueAsync(new CatalogueKey(Sample.Alice.Id, Sample.Guangzhou.Id))).Images.Length);
        var retried = logger.Entries.Where(e => e.EventId.Id == 3).ToArray();
        Assert.Equal(2 * (Attempts - 1), retried.Length);
        Assert.All(retried, e => Assert.Equal((LogLevel.Warning, "TransientStoreErrorRetried"), (e.Level, e.EventId.Name)));
        Assert.All(retried, e => Assert.IsType<ImageStoreUnavailableException>(e.Exception));
        Assert.All(retried.Take(Attempts - 1), (e, n) => Assert.Contains($"on attempt {n + 1},", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task R11_a_store_that_stays_unavailable_is_ImageStoreUnavailableException_after_the_last_attempt_with_nothing_saved()
    {
        var world = await TestWorld.CreateAsync();
        var store = new UnavailableImageStore(world.Store);
        var service = world.Over(store);
        store.FailNext(Load, int.MaxValue);

        var thrown = await Assert.ThrowsAsync<ImageStoreUnavailableException>(async () => await service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou)));

        Assert.False(thrown.OutcomeUnknown);
        Assert.IsType<TimeoutException>(thrown.InnerException);
        Assert.Equal((Attempts, 0), (store.Calls(Load), store.Calls(Commit)));
        Assert.Empty((await world.Store.CatalogueAsync(new CatalogueKey(Sample.Alice.Id, Sample.Guangzhou.Id))).Images);
    }

    [Fact]
    public async Task R30_a_read_of_a_store_that_stays_unavailable_is_ImageStoreUnavailableException_after_the_last_attempt()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);
        var store = new UnavailableImageStore(world.Store);
        store.FailNext(Load, int.MaxValue);

        await Assert.ThrowsAsync<ImageStoreUnavailableException>(async () => await world.Over(store).LaunchAsync(new LaunchImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id)));

        Assert.Equal(Attempts, store.Calls(Load));
    }

    [Fact]
    public async Task R11_a_commit_whose_outcome_is_unknown_is_thrown_at_once_and_never_made_again()
    {
        var world = await TestWorld.CreateAsync();
        var store = new UnavailableImageStore(world.Store);
        store.FailNext(Commit, 1, () => new ImageStoreUnavailableException("the connection broke during COMMIT", new IOException(), outcomeUnknown: true));

        var thrown = await Assert.ThrowsAsync<ImageStoreUnavailableException>(async () => await world.Over(store).CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou)));

        Assert.True(thrown.OutcomeUnknown);
        Assert.Equal((1, 1), (store.Calls(Load), store.Calls(Commit)));
    }

    [Fact]
    public async Task R11_any_other_store_exception_passes_at_once_unretried()
    {
        var world = await TestWorld.CreateAsync();
        var store = new UnavailableImageStore(world.Store);
        store.FailNext(Load, 1, () => new InvalidOperationException("a bug in the store"));

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await world.Over(store).CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou)));

        Assert.Equal(1, store.Calls(Load));
    }

    [Fact]
    public async Task R11_a_caller_that_cancels_is_not_retried_for()
    {
        var world = await TestWorld.CreateAsync();
        var store = new UnavailableImageStore(world.Store);
        using var cancel = new CancellationTokenSource();
        store.FailNext(Load, int.MaxValue, () =>
        {
            cancel.Cancel();
            return new ImageStoreUnavailableException("the database is restarting", new TimeoutException());
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await world.Over(store).CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou), cancel.Token));

        Assert.Equal(1, store.Calls(Load));
    }

    [Fact]
    public async Task R7_saving_a_region_or_an_account_is_made_again_too()
    {
        var world = await TestWorld.CreateAsync();
        var store = new UnavailableImageStore(world.Store);
        var service = world.Over(store);
        store.FailNext(nameof(IImageStore.SaveRegionAsync), 2);

        await service.SaveRegionAsync(Sample.Guangzhou with { DisplayName = "Guangzhou again" });
        store.FailNext(nameof(IImageStore.SaveAccountAsync), 1);
        await service.SaveAccountAsync(Sample.Sam);

        Assert.Equal((3, 2), (store.Calls(nameof(IImageStore.SaveRegionAsync)), store.Calls(nameof(IImageStore.SaveAccountAsync))));
        Assert.Equal("Guangzhou again", (await world.Store.LoadFactsAsync(new FactsQuery(Sample.Alice.Id, Sample.Guangzhou.Id))).Region!.DisplayName);
    }
}
