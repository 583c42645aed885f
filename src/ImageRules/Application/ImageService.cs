using Ardalis.GuardClauses;
using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ImageRules.Application;

/// <summary>
/// The one entry point for a host: every operation of the image service takes its request record, loads the
/// request's <see cref="ImageFacts"/> from the store in one read, asks the pure <see cref="ImagePolicy"/>, and
/// commits what it allows in one write. Domain failures come back as <see cref="Result{T}"/> failures with the
/// provider's codes, never as exceptions.
/// </summary>
/// <remarks>
/// <para>Thread-safe and stateless: share one instance. Writes use the optimistic concurrency described on
/// <see cref="IImageStore"/>: a change decided on a catalogue that another writer changed meanwhile is decided again
/// on the new state, up to <see cref="MaxAttempts"/> times, then answered <see cref="ConcurrentModification"/> with
/// nothing saved. The platform's transitions (<see cref="CompleteImageAsync"/>) are retried until they land (R37).
/// A request with <c>DryRun</c> is decided in full and changes nothing (R38).</para>
/// <para>Observers (<see cref="IImageEventObserver"/>) are told of every saved change; an observer that throws is
/// logged and never turns a saved change into a failure for the caller.</para>
/// </remarks>
public sealed partial class ImageService
{
    /// <summary>How many times a user's write is decided and committed before it gives up under contention.</summary>
    public const int MaxAttempts = 10;

    private readonly ImagePolicy policy;
    private readonly IImageStore store;
    private readonly IImageIdGenerator ids;
    private readonly TimeProvider time;
    private readonly IImageEventObserver[] observers;
    private readonly ILogger logger;

    /// <summary>Makes a service over the given policy and store.</summary>
    /// <param name="policy">The rules.</param>
    /// <param name="store">Regions, accounts, images and grants.</param>
    /// <param name="ids">Makes ids for new images.</param>
    /// <param name="time">The clock.</param>
    /// <param name="observers">Told of every saved change; none when null.</param>
    /// <param name="logger">Where observer failures and given-up writes are logged; none when null.</param>
    public ImageService(
        ImagePolicy policy,
        IImageStore store,
        IImageIdGenerator ids,
        TimeProvider time,
        IEnumerable<IImageEventObserver>? observers = null,
        ILogger<ImageService>? logger = null)
    {
        this.policy = Guard.Against.Null(policy);
        this.store = Guard.Against.Null(store);
        this.ids = Guard.Against.Null(ids);
        this.time = Guard.Against.Null(time);
        this.observers = observers?.ToArray() ?? [];
        this.logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>
    /// A service over a new in-memory store with random image ids and the system clock: for samples, tests and
    /// single-process tools. A host registers the library with <c>services.AddImageRules()</c> instead.
    /// </summary>
    /// <param name="options">The rules' options; the seed profile when null.</param>
    public static ImageService InMemory(ImageRulesOptions? options = null) =>
        new(new ImagePolicy(options), new InMemoryImageStore(), new RandomImageIdGenerator(), TimeProvider.System);

    /// <summary>The rules this service applies.</summary>
    public ImagePolicy Policy => policy;

    private DateTimeOffset Now => time.GetUtcNow();

    /// <summary>
    /// Decides on freshly loaded facts and commits the change the decision implies, again on newer facts whenever
    /// another writer got there first: at most <see cref="MaxAttempts"/> times for a user's write, until it lands for
    /// a platform transition (<paramref name="untilItLands"/>, R37).
    /// </summary>
    private async ValueTask<Result<T>> WriteAsync<T>(
        FactsQuery query,
        Func<ImageFacts, Result<T>> decide,
        ImageOperation operation,
        bool dryRun,
        CancellationToken cancellationToken,
        bool untilItLands = false)
        where T : IImageEvent
    {
        for (var attempt = 1; untilItLands || attempt <= MaxAttempts; attempt++)
        {
            var facts = await LoadAsync(query, cancellationToken).ConfigureAwait(false);
            if (!decide(facts).TryGetValue(out var outcome, out var failure))
            {
                return failure;
            }

            if (dryRun)
            {
                return new DryRunPassed(operation);
            }

            if (await store.TryCommitAsync(ChangeOf(outcome, facts.Version), cancellationToken).ConfigureAwait(false))
            {
                await PublishAsync(outcome, cancellationToken).ConfigureAwait(false);
                return outcome;
            }

            await BackOffAsync(attempt, cancellationToken).ConfigureAwait(false);
        }

        Log.GaveUp(logger, operation, MaxAttempts);
        return new ConcurrentModification(MaxAttempts);
    }

    /// <summary>The facts of a query, with the clock and the id a new image would take.</summary>
    private async ValueTask<ImageFacts> LoadAsync(FactsQuery query, CancellationToken cancellationToken)
    {
        var facts = await store.LoadFactsAsync(query, cancellationToken).ConfigureAwait(false);
        return facts with { Now = Now, NewImageId = query.Catalogue is null ? default : ids.NewImageId() };
    }

    /// <summary>Lets the writer that won a race finish: a yield first, then a short, jittered, growing pause.</summary>
    private static async ValueTask BackOffAsync(int attempt, CancellationToken cancellationToken)
    {
        if (attempt < 3)
        {
            await Task.Yield();
            return;
        }

        var ceiling = Math.Min(50, 1 << Math.Min(attempt, 6));
        await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, ceiling)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The catalogue write an allowed event implies, expecting the version it was decided on.</summary>
    private static CatalogueChange ChangeOf(IImageEvent saved, long version)
    {
        var change = saved switch
        {
            ImageCreated e => new CatalogueChange { Key = CatalogueKey.Of(e.Image), ExpectedVersion = version, Added = [e.Image] },
            ImageImported e => new CatalogueChange { Key = CatalogueKey.Of(e.Image), ExpectedVersion = version, Added = [e.Image] },
            ImageCopied e => new CatalogueChange { Key = CatalogueKey.Of(e.Copy), ExpectedVersion = version, Added = [e.Copy] },
            ImagePublished e => new CatalogueChange { Key = CatalogueKey.Of(e.Image), ExpectedVersion = version, Added = [e.Image] },
            ImageModified e => new CatalogueChange { Key = CatalogueKey.Of(e.Image), ExpectedVersion = version, Updated = [e.Image] },
            ImageCompleted e => new CatalogueChange { Key = CatalogueKey.Of(e.Image), ExpectedVersion = version, Updated = [e.Image] },
            ImageDeleted e => new CatalogueChange { Key = CatalogueKey.Of(e.Image), ExpectedVersion = version, Deleted = [e.ImageId] },
            ImageShared e => new CatalogueChange { Key = CatalogueKey.Of(e.Image), ExpectedVersion = version, GrantsAdded = e.Grants },
            ImageSharingCancelled e => new CatalogueChange { Key = CatalogueKey.Of(e.Image), ExpectedVersion = version, GrantsRemoved = e.Grants },
            _ => throw new InvalidOperationException($"no change is known for event `{saved.GetType().Name}`"),
        };
        return change;
    }

    private async ValueTask PublishAsync(IImageEvent saved, CancellationToken cancellationToken)
    {
        foreach (var observer in observers)
        {
            try
            {
                await observer.OnSavedAsync(saved, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The change is saved: an observer's failure is the host's to see in its logs, not the caller's answer.
                Log.ObserverFailed(logger, exception, observer.GetType().Name, saved.GetType().Name);
            }
        }
    }
}
