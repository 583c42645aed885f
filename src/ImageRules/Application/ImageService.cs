using Ardalis.GuardClauses;
using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Persistence;
using ImageRules.Policy;
using ImageRules.Policy.Failures;

namespace ImageRules.Application;

/// <summary>
/// The one entry point for a host: every operation of the image service, each of which loads the facts from the
/// repositories, asks the pure <see cref="ImagePolicy"/>, and saves what it allows. Domain failures come back as
/// <see cref="Result{T}"/> failures with the provider's codes, never as exceptions.
/// </summary>
/// <remarks>
/// <para>Thread-safe and stateless: share one instance. Writes use the optimistic concurrency described on
/// <see cref="IImageRepository"/>: a change decided on a catalogue that another writer changed meanwhile is decided
/// again on the new state, up to <see cref="MaxAttempts"/> times, then refused with
/// <see cref="ConcurrentModification"/> (nothing saved). A successful result is always saved.</para>
/// <para>Every operation is made by a known account (else <see cref="AccountNotFound"/>) in a known region (else
/// <see cref="RegionNotFound"/>), as the provider's regional API is.</para>
/// </remarks>
public sealed partial class ImageService
{
    /// <summary>How many times a write is decided and committed before it gives up under contention.</summary>
    public const int MaxAttempts = 10;

    private readonly ImagePolicy policy;
    private readonly IImageRepository images;
    private readonly IShareGrantRepository grants;
    private readonly IAccountRepository accounts;
    private readonly IRegionRepository regions;
    private readonly IImageIdGenerator ids;
    private readonly TimeProvider time;
    private readonly IImageEventObserver[] observers;

    /// <summary>Makes a service over the given policy and stores.</summary>
    /// <param name="policy">The rules.</param>
    /// <param name="images">The image store; must share its data with <paramref name="grants"/>.</param>
    /// <param name="grants">The grant store.</param>
    /// <param name="accounts">The account store.</param>
    /// <param name="regions">The region store.</param>
    /// <param name="ids">Makes ids for new images.</param>
    /// <param name="time">The clock.</param>
    /// <param name="observers">Told of every saved change; none when null.</param>
    public ImageService(
        ImagePolicy policy,
        IImageRepository images,
        IShareGrantRepository grants,
        IAccountRepository accounts,
        IRegionRepository regions,
        IImageIdGenerator ids,
        TimeProvider time,
        IEnumerable<IImageEventObserver>? observers = null)
    {
        this.policy = Guard.Against.Null(policy);
        this.images = Guard.Against.Null(images);
        this.grants = Guard.Against.Null(grants);
        this.accounts = Guard.Against.Null(accounts);
        this.regions = Guard.Against.Null(regions);
        this.ids = Guard.Against.Null(ids);
        this.time = Guard.Against.Null(time);
        this.observers = observers?.ToArray() ?? [];
    }

    /// <summary>The rules this service applies.</summary>
    public ImagePolicy Policy => policy;

    /// <summary>
    /// May <paramref name="caller"/> launch an instance from <paramref name="imageId"/> in <paramref name="region"/>
    /// (R30)? See <see cref="ImagePolicy.Launch"/>: the permit says why, the licence fee (R31) and advisories (R26).
    /// </summary>
    public async ValueTask<Result<LaunchPermit>> DecideLaunchAsync(AccountId caller, RegionId region, ImageId imageId, CancellationToken cancellationToken = default)
    {
        var place = await FindRegionAsync(caller, region, cancellationToken).ConfigureAwait(false);
        if (!place.TryGetValue(out var found, out var failure))
        {
            return failure;
        }

        var image = await images.FindAsync(imageId, cancellationToken).ConfigureAwait(false);
        if (image is null)
        {
            return new ImageNotFound(imageId);
        }

        // A grant holds only in its image's region (R5): elsewhere there is nothing to look up.
        var grant = image.IsOwnedBy(caller) || image.IsPublic || image.Region != region ? null : await grants.FindAsync(imageId, caller, cancellationToken).ConfigureAwait(false);
        return policy.Launch(image, caller, found, grant);
    }

    /// <summary>
    /// The images <paramref name="caller"/> can see in <paramref name="region"/> (R2–R5), filtered, newest first, one
    /// page: offset 0 or more (default 0), limit 1–100 (default 20), else <see cref="PageLimitExceeded"/>.
    /// </summary>
    public async ValueTask<Result<ImagePage>> DescribeImagesAsync(AccountId caller, RegionId region, ImageFilter? filter = null, int? offset = null, int? limit = null, CancellationToken cancellationToken = default)
    {
        var page = PageRequest.Create(offset, limit);
        if (!page.TryGetValue(out var request, out var invalid))
        {
            return invalid;
        }

        var place = await FindRegionAsync(caller, region, cancellationToken).ConfigureAwait(false);
        return place.IsSuccess
            ? await images.QueryVisibleAsync(caller, region, filter ?? ImageFilter.None, request, cancellationToken).ConfigureAwait(false)
            : place.Failure!;
    }

    /// <summary>How much of its custom-image quota <paramref name="caller"/> uses in <paramref name="region"/> (R11).</summary>
    public async ValueTask<Result<QuotaUsage>> GetQuotaAsync(AccountId caller, RegionId region, CancellationToken cancellationToken = default)
    {
        var place = await FindRegionAsync(caller, region, cancellationToken).ConfigureAwait(false);
        if (!place.IsSuccess)
        {
            return place.Failure!;
        }

        var catalogue = await images.GetCatalogueAsync(new CatalogueKey(caller, region), cancellationToken).ConfigureAwait(false);
        return new QuotaUsage(caller, region, catalogue.Images.Length, policy.Options.MaxCustomImagesPerRegion);
    }

    /// <summary>The region, once the caller is known to exist (R7).</summary>
    private async ValueTask<Result<Region>> FindRegionAsync(AccountId caller, RegionId region, CancellationToken cancellationToken)
    {
        var account = await FindAccountAsync(caller, cancellationToken).ConfigureAwait(false);
        if (!account.IsSuccess)
        {
            return account.Failure!;
        }

        return await regions.FindAsync(region, cancellationToken).ConfigureAwait(false) is { } found ? found : new RegionNotFound(region.Value);
    }

    private async ValueTask<Result<Account>> FindAccountAsync(AccountId id, CancellationToken cancellationToken) =>
        await accounts.FindAsync(id, cancellationToken).ConfigureAwait(false) is { } account ? account : new AccountNotFound(id.Value);

    /// <summary>
    /// Decides on a fresh read of <paramref name="key"/>'s catalogue and commits the change the decision implies,
    /// again on a newer read whenever another writer got there first, at most <see cref="MaxAttempts"/> times.
    /// </summary>
    private async ValueTask<Result<T>> CommitAsync<T>(
        CatalogueKey key,
        Func<ImageCatalogue, CancellationToken, ValueTask<Result<T>>> decide,
        Func<T, CatalogueChange, CatalogueChange> toChange,
        CancellationToken cancellationToken)
        where T : IImageEvent
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var catalogue = await images.GetCatalogueAsync(key, cancellationToken).ConfigureAwait(false);
            var decision = await decide(catalogue, cancellationToken).ConfigureAwait(false);
            if (!decision.TryGetValue(out var outcome, out var failure))
            {
                return failure;
            }

            var change = toChange(outcome, new CatalogueChange { Key = key, ExpectedVersion = catalogue.Version });
            if (await images.TryCommitAsync(change, cancellationToken).ConfigureAwait(false))
            {
                await PublishAsync(outcome, cancellationToken).ConfigureAwait(false);
                return outcome;
            }

            await Task.Yield();
        }

        return new ConcurrentModification(key.ToString(), MaxAttempts);
    }

    private async ValueTask PublishAsync(IImageEvent saved, CancellationToken cancellationToken)
    {
        foreach (var observer in observers)
        {
            await observer.OnSavedAsync(saved, cancellationToken).ConfigureAwait(false);
        }
    }

    private DateTimeOffset Now => time.GetUtcNow();

    private NewImage NextImage() => new(ids.NewImageId(), Now);
}
