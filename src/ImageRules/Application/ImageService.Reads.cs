using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Ardalis.GuardClauses;
using ImageRules.Diagnostics;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Storage;

namespace ImageRules.Application;

public sealed partial class ImageService
{
    /// <summary>May the caller launch an instance from the image (R30)? See <see cref="ImagePolicy.Decide(LaunchImage, ImageFacts)"/>: the permit says why, the licence fee (R31) and advisories (R26).</summary>
    public async ValueTask<Result<LaunchPermit>> LaunchAsync(LaunchImage request, CancellationToken cancellationToken = default) =>
        (await DecideLaunchAsync(request, cancellationToken).ConfigureAwait(false)).ToResult();

    /// <summary>The same decision as <see cref="LaunchAsync"/> as a <see cref="LaunchDecision"/>, which builds no failure when refused.</summary>
    /// <remarks>Over the in-memory store, and over any store whose load completes synchronously, no state machine runs and nothing is allocated.</remarks>
    public ValueTask<LaunchDecision> DecideLaunchAsync(LaunchImage request, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(request);
        var scope = telemetry.StartOperation(OperationNames.Launch, storeKind);
        try
        {
            if (store is InMemoryImageStore memory)
            {
                return new(Decided(ref scope, memory.DecideLaunch(policy, request)));
            }

            var loading = InStoreAsync(new FactsQuery(request.Caller, request.Region) { Image = request.ImageId, ImageAsSeen = true }, static (s, q, ct) => s.LoadFactsAsync(q, ct), cancellationToken);
            return loading.IsCompletedSuccessfully
                ? new(Decided(ref scope, policy.Decide(request, loading.Result)))
                : DecideLaunchLaterAsync(request, loading, scope);
        }
        catch (Exception exception)
        {
            scope.Fail(exception);
            throw;
        }
    }

    /// <summary>The launch once a store's load completes asynchronously.</summary>
    private async ValueTask<LaunchDecision> DecideLaunchLaterAsync(LaunchImage request, ValueTask<ImageFacts> loading, OperationScope scope)
    {
        try
        {
            // The clock matters to a launch only for an image in progress, which is refused whether or not it timed out (R37).
            return Decided(ref scope, policy.Decide(request, await loading.ConfigureAwait(false)));
        }
        catch (Exception exception)
        {
            scope.Fail(exception);
            throw;
        }
    }

    private static LaunchDecision Decided(ref OperationScope scope, LaunchDecision decision)
    {
        scope.Complete(decision.Code ?? Outcomes.Success);
        return decision;
    }

    /// <summary>One image as the caller sees it, kind included (R1, R3–R6, R37); hidden or absent is <see cref="Policy.Failures.ImageNotFound"/>.</summary>
    public ValueTask<Result<VisibleImage>> GetImageAsync(GetImage request, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(request);
        return ObserveAsync(OperationNames.Describe, request.Caller, async () =>
            policy.Decide(request, await LoadAsync(new FactsQuery(request.Caller, request.Region) { Image = request.ImageId, ImageAsSeen = true }, cancellationToken).ConfigureAwait(false)));
    }

    /// <summary>
    /// One page of the images the caller can see in the region (R2–R5), filtered, newest first: offset 0 or more
    /// (default 0), limit 1–100 (default 20), at most 100 image ids (R35). An image past its transition timeout shows as failed (R37), and a state filter matches it as shown.
    /// </summary>
    public ValueTask<Result<ImagePage>> DescribeImagesAsync(DescribeImages request, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(request);
        return DescribeAsync(request, Now, cancellationToken);
    }

    /// <summary>One page as seen at <paramref name="now"/>, which decides the transitions timed out (R37) for the state filter and the states shown alike.</summary>
    private ValueTask<Result<ImagePage>> DescribeAsync(DescribeImages request, DateTimeOffset now, CancellationToken cancellationToken) =>
        ObserveAsync(OperationNames.Describe, request.Caller, () => DescribeCoreAsync(request, now, cancellationToken));

    private async ValueTask<Result<ImagePage>> DescribeCoreAsync(DescribeImages request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!ImagePolicy.Decide(request).TryGetValue(out var page, out var invalid))
        {
            return invalid;
        }

        var place = await FindPlaceAsync(request.Caller, request.Region, cancellationToken).ConfigureAwait(false);
        if (place is not null)
        {
            return place;
        }

        var filter = (request.Filter ?? ImageFilter.None) with { TimedOutBefore = now - policy.TransitionTimeout };
        var found = await InStoreAsync(
            (request.Caller, request.Region, Filter: filter, Page: page),
            static (s, q, ct) => s.QueryVisibleAsync(q.Caller, q.Region, q.Filter, q.Page, ct),
            cancellationToken).ConfigureAwait(false);
        return AsOf(found, now);
    }

    /// <summary>The page with each image as it stands at <paramref name="now"/> (R37): the store's page itself when no image in it timed out, as is usual.</summary>
    private ImagePage AsOf(ImagePage found, DateTimeOffset now)
    {
        foreach (var seen in found.Items)
        {
            if (!ReferenceEquals(policy.AsOf(seen.Image, now), seen.Image))
            {
                return found with { Items = [.. found.Items.Select(v => v with { Image = policy.AsOf(v.Image, now) })] };
            }
        }

        return found;
    }

    /// <summary>
    /// Every image the caller can see in the region that passes the filter, newest first, read a page at a time, every
    /// page as seen when the listing began: an image's state (R37) is the same in the filter and the answer throughout.
    /// </summary>
    /// <exception cref="InvalidOperationException">The caller or region does not exist; the message carries the provider's code.</exception>
    public async IAsyncEnumerable<VisibleImage> ListImagesAsync(AccountId caller, RegionId region, ImageFilter? filter = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var now = Now;
        for (var offset = 0; ; offset += PageRequest.MaxLimit)
        {
            var page = await DescribeAsync(new DescribeImages(caller, region, filter, offset, PageRequest.MaxLimit), now, cancellationToken).ConfigureAwait(false);
            if (!page.TryGetValue(out var found, out var failure))
            {
                throw new InvalidOperationException(failure.ToString());
            }

            foreach (var item in found.Items)
            {
                yield return item;
            }

            if (found.Items.Length < PageRequest.MaxLimit)
            {
                yield break;
            }
        }
    }

    /// <summary>The grants of an image as the caller may see them (R27); see <see cref="ImagePolicy.Decide(DescribeShareGrants, ImageFacts)"/>.</summary>
    public async ValueTask<Result<ImmutableArray<ShareGrant>>> DescribeShareGrantsAsync(DescribeShareGrants request, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(request);
        var facts = await LoadAsync(new FactsQuery(request.Caller, request.Region) { Image = request.ImageId, AllGrants = true, ImageAsSeen = true }, cancellationToken).ConfigureAwait(false);
        return policy.Decide(request, facts);
    }

    /// <summary>How much of its custom-image quota the caller uses in the region (R11).</summary>
    public ValueTask<Result<QuotaUsage>> DescribeQuotaAsync(DescribeQuota request, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(request);
        return ObserveAsync(OperationNames.GetQuota, request.Caller, async () =>
            policy.Decide(request, await LoadAsync(new FactsQuery(request.Caller, request.Region) { Catalogue = new CatalogueKey(request.Caller, request.Region) }, cancellationToken).ConfigureAwait(false)));
    }

    /// <summary>The caller's account and the region must exist (R7): the failure when not, else null.</summary>
    private async ValueTask<Policy.Failure?> FindPlaceAsync(AccountId caller, RegionId region, CancellationToken cancellationToken)
    {
        var facts = await InStoreAsync(new FactsQuery(caller, region), static (s, q, ct) => s.LoadFactsAsync(q, ct), cancellationToken).ConfigureAwait(false);
        return policy.Decide(new DescribeQuota(caller, region), facts).Failure;
    }
}
