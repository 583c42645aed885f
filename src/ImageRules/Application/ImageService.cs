using Ardalis.GuardClauses;
using ImageRules.Domain;
using System.Diagnostics.Metrics;
using System.Globalization;
using ImageRules.Diagnostics;
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
/// <para>Thread-safe and stateless: share one instance. A write is loaded, decided and committed in one step of the
/// store (<see cref="IImageStore.DecideAsync"/>); the SQL stores hold the catalogue for that step, so racing writers
/// of one catalogue queue rather than fail. A change that still lost a race (a store that decides optimistically,
/// as described on <see cref="IImageStore"/>) is decided again on the new state, up to <see cref="MaxAttempts"/>
/// times, then answered <see cref="ConcurrentModification"/> with nothing saved. The platform's transitions (<see cref="CompleteImageAsync"/>) are retried until they land (R37).
/// A request with <c>DryRun</c> is decided in full and changes nothing (R38).</para>
/// <para><b>Store failures.</b> A store call that fails for a transient reason (the store throws
/// <see cref="ImageStoreUnavailableException"/>: a dropped connection, a database restarting) is made again after a
/// short jittered pause, up to <see cref="MaxTransientAttempts"/> times; when every attempt fails, or at once when
/// the failure came while a write was being committed (<see cref="ImageStoreUnavailableException.OutcomeUnknown"/>:
/// it may have been saved), every operation throws that exception, the one infrastructure failure a caller need
/// handle. Any other exception of the store passes unchanged and unretried.</para>
/// <para>Observers (<see cref="IImageEventObserver"/>) are told of every saved change at least once: the event is
/// written with the change (an outbox), delivered right after the commit, and delivered again by
/// <see cref="DeliverPendingEventsAsync"/> until every observer has taken it. An observer that throws is logged and
/// never turns a saved change into a failure for the caller.</para>
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
    private readonly ImageRulesTelemetry telemetry;
    private readonly string storeKind;

    /// <summary>Makes a service over the given policy and store.</summary>
    /// <param name="policy">The rules.</param>
    /// <param name="store">Regions, accounts, images and grants.</param>
    /// <param name="ids">Makes ids for new images.</param>
    /// <param name="time">The clock.</param>
    /// <param name="observers">Told of every saved change; none when null.</param>
    /// <param name="logger">Where refusals (Debug), given-up writes and observer failures (Warning) are logged; none when null.</param>
    /// <param name="meterFactory">Makes the <c>ImageRules</c> meter (OpenTelemetry picks it up by name); a shared meter when null.</param>
    public ImageService(
        ImagePolicy policy,
        IImageStore store,
        IImageIdGenerator ids,
        TimeProvider time,
        IEnumerable<IImageEventObserver>? observers = null,
        ILogger<ImageService>? logger = null,
        IMeterFactory? meterFactory = null)
    {
        this.policy = Guard.Against.Null(policy);
        this.store = Guard.Against.Null(store);
        this.ids = Guard.Against.Null(ids);
        this.time = Guard.Against.Null(time);
        this.observers = observers?.ToArray() ?? [];
        this.logger = logger ?? (ILogger)NullLogger.Instance;
        telemetry = meterFactory is null ? ImageRulesTelemetry.Shared : new ImageRulesTelemetry(meterFactory);
        storeKind = store is InMemoryImageStore ? StoreKinds.InMemory : store.GetType().Name;
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
    /// Decides on freshly loaded facts and commits the change the decision implies, in one step of the store
    /// (<see cref="IImageStore.DecideAsync"/>, where a durable store holds the catalogue so racing writers queue), again
    /// on newer facts whenever another writer got there first all the same: at most <see cref="MaxAttempts"/> times for
    /// a user's write, until it lands for a platform transition (<paramref name="untilItLands"/>, R37).
    /// </summary>
    private async ValueTask<Result<T>> WriteAsync<T>(
        FactsQuery query,
        Func<ImageFacts, Result<T>> decide,
        ImageOperation operation,
        bool dryRun,
        CancellationToken cancellationToken,
        bool untilItLands = false,
        bool makesImage = false)
        where T : IImageEvent
    {
        var scope = telemetry.StartOperation(NameOf(operation), storeKind);
        try
        {
            for (var attempt = 1; untilItLands || attempt <= MaxAttempts; attempt++)
            {
                Result<T>? decided = null;
                CatalogueChange? change = null;
                Func<ImageFacts, CatalogueChange?> decideChange = facts =>
                {
                    decided = decide(Stamped(facts, makesImage));
                    return change = !dryRun && decided.Value.TryGetValue(out var allowed, out _) ? ChangeOf(allowed, facts.Version) : null;
                };
                var landed = await InStoreAsync((Query: query, Decide: decideChange), static (s, a, ct) => s.DecideAsync(a.Query, a.Decide, ct), cancellationToken).ConfigureAwait(false);
                if (decided is not { } result)
                {
                    throw new InvalidOperationException($"the store `{store.GetType().Name}` answered without deciding: DecideAsync must call its decide function");
                }

                if (!result.TryGetValue(out var outcome, out var failure))
                {
                    return Refused(scope, operation, query.Caller, failure);
                }

                if (dryRun)
                {
                    scope.Complete(DryRunCode);
                    return new DryRunPassed(operation);
                }

                if (landed)
                {
                    scope.Complete(Outcomes.Success);
                    if (change?.Event is { } saved)
                    {
                        await DeliverAsync(saved, cancellationToken).ConfigureAwait(false);
                    }

                    return outcome;
                }

                scope.Retried();
                await BackOffAsync(attempt, cancellationToken).ConfigureAwait(false);
            }

            var gaveUp = new ConcurrentModification(MaxAttempts);
            scope.GaveUp();
            scope.Complete(gaveUp.Code);
            if (logger.IsEnabled(LogLevel.Warning))
            {
                ImageRulesLog.WriteGaveUp(logger, NameOf(operation), MaxAttempts, query.Catalogue?.ToString() ?? query.Image?.ToString() ?? string.Empty, includeAccountData: false);
            }

            return gaveUp;
        }
        catch (Exception exception)
        {
            scope.Fail(exception);
            throw;
        }
    }

    private const string DryRunCode = "DryRunOperation";

    /// <summary>Records a refusal on the operation's span and metrics, and at Debug in the log.</summary>
    private Failure Refused(OperationScope scope, ImageOperation operation, AccountId caller, Failure failure)
    {
        scope.Complete(failure.Code);
        var name = NameOf(operation);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            ImageRulesLog.OperationRefused(logger, name, failure.Code, caller.Value, failure);
        }

        return failure;
    }

    /// <summary>Runs a read as one observed operation: a span, the operation counter and duration, the refusal logged at Debug.</summary>
    private async ValueTask<Result<T>> ObserveAsync<T>(string operation, AccountId caller, Func<ValueTask<Result<T>>> read)
    {
        var scope = telemetry.StartOperation(operation, storeKind);
        try
        {
            var result = await read().ConfigureAwait(false);
            if (result.TryGetValue(out _, out var failure))
            {
                scope.Complete(Outcomes.Success);
            }
            else
            {
                scope.Complete(failure.Code);
                if (logger.IsEnabled(LogLevel.Debug))
                {
                    ImageRulesLog.OperationRefused(logger, operation, failure.Code, caller.Value, failure);
                }
            }

            return result;
        }
        catch (Exception exception)
        {
            scope.Fail(exception);
            throw;
        }
    }

    private static string NameOf(ImageOperation operation) => operation switch
    {
        ImageOperation.Launch => OperationNames.Launch,
        ImageOperation.Create => OperationNames.Create,
        ImageOperation.Import => OperationNames.Import,
        ImageOperation.Complete => OperationNames.Complete,
        ImageOperation.Copy => OperationNames.Copy,
        ImageOperation.Modify => OperationNames.Modify,
        ImageOperation.Delete => OperationNames.Delete,
        ImageOperation.Share => OperationNames.Share,
        _ => OperationNames.CancelSharing,
    };

    /// <summary>The facts of a query, with the clock and, for a decision that makes an image, the id it would take.</summary>
    private async ValueTask<ImageFacts> LoadAsync(FactsQuery query, CancellationToken cancellationToken, bool makesImage = false) =>
        Stamped(await InStoreAsync(query, static (s, q, ct) => s.LoadFactsAsync(q, ct), cancellationToken).ConfigureAwait(false), makesImage);

    /// <summary>Loaded facts with the clock and, for a decision that makes an image, the id it would take.</summary>
    private ImageFacts Stamped(ImageFacts facts, bool makesImage) =>
        facts with { Now = Now, NewImageId = makesImage ? ids.NewImageId() : default };

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

    /// <summary>
    /// The catalogue write an allowed event implies, expecting the version it was decided on, carrying the event for
    /// the outbox when observers listen (and only then: with none, nothing more is written).
    /// </summary>
    private CatalogueChange ChangeOf(IImageEvent saved, long version)
    {
        var change = WriteOf(saved, version);
        return observers.Length == 0 ? change : change with { Event = new SavedImageEvent(EventIdOf(change.Key, version + 1), saved) };
    }

    /// <summary>
    /// The id of the event saved by the change that moved catalogue <paramref name="key"/> to <paramref name="version"/>:
    /// <c>owner/region/version</c>, <c>public</c> for the owner of the platform's images (see <see cref="SavedImageEvent"/>).
    /// </summary>
    private static string EventIdOf(CatalogueKey key, long version) =>
        string.Create(CultureInfo.InvariantCulture, $"{(key.Owner is { } owner ? owner.Value : "public")}/{key.Region.Value}/{version}");

    private static CatalogueChange WriteOf(IImageEvent saved, long version)
    {
        return saved switch
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
    }
}
