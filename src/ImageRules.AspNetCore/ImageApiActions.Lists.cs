using System.Collections.Immutable;
using System.Runtime.InteropServices;
using ImageRules.AspNetCore.Wire;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Policy.Failures;

namespace ImageRules.AspNetCore;

internal sealed partial class ImageApiActions
{
    /// <summary>
    /// DescribeImages: the images the caller sees in the region (R2–R5), by ids or by filters (never both, R35), each
    /// filter's values OR-ed and the filters AND-ed, newest first, one page. Tag filters match nothing: images carry
    /// no tags here. Filters the library's <see cref="ImageFilter"/> states exactly (one value of <c>image-type</c>,
    /// <c>platform</c> or <c>image-id</c>, each name once) are served as one page of the store; any other is matched
    /// here over every visible image.
    /// </summary>
    private async ValueTask<WireAnswer> DescribeImagesAsync(ApiCall call, RegionId region, DescribeImagesRequest r, CancellationToken cancellationToken)
    {
        if (!Ids.Images(r.ImageIds ?? []).TryGetValue(out var ids, out var malformed))
        {
            return Fail(malformed, call);
        }

        if (!PageRequest.Create(r.Offset is { } o ? (int)Math.Min(o, int.MaxValue) : null, r.Limit is { } l ? (int)Math.Min(l, int.MaxValue) : null).TryGetValue(out var page, out var invalid))
        {
            return Fail(invalid, call);
        }

        var filter = ids.IsEmpty ? ImageFilter.None : new ImageFilter { ImageIds = ids };
        if (ExactFilter(filter, r.Filters) is { } exact)
        {
            var found = await images.DescribeImagesAsync(new DescribeImages(call.Caller, region, exact, page.Offset, page.Limit), cancellationToken).ConfigureAwait(false);
            return found.TryGetValue(out var served, out var refused)
                ? Ok(new DescribeImagesResponse { TotalCount = served.TotalCount, ImageSet = WireImages.Set(served.Items.AsMemory(), lifecycle) }, call)
                : Fail(refused, call);
        }

        var matches = new List<VisibleImage>();
        try
        {
            await foreach (var visible in images.ListImagesAsync(call.Caller, region, filter, cancellationToken).ConfigureAwait(false))
            {
                if (MatchesAll(r.Filters!, visible))
                {
                    matches.Add(visible);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // ListImagesAsync throws only for an unknown caller or region: answer it as the library does.
            var refused = await images.DescribeImagesAsync(new DescribeImages(call.Caller, region, filter, 0, 1), cancellationToken).ConfigureAwait(false);
            return Fail(refused.Failure!, call);
        }

        var from = Math.Min(page.Offset, matches.Count);
        var items = CollectionsMarshal.AsSpan(matches)[from..Math.Min(matches.Count, from + page.Limit)];
        return Ok(new DescribeImagesResponse { TotalCount = matches.Count, ImageSet = WireImages.Set(items.ToArray(), lifecycle) }, call);
    }

    /// <summary>
    /// <paramref name="filter"/> narrowed by <paramref name="filters"/> when each is one value of a name the library
    /// filters by the same rule (and each name is given once, so nothing needs intersecting); else null.
    /// </summary>
    private static ImageFilter? ExactFilter(ImageFilter filter, IReadOnlyList<Filter>? filters)
    {
        if (filters is null)
        {
            return filter;
        }

        foreach (var f in filters)
        {
            if (f.Values is not [var value])
            {
                return null;
            }

            ImageFilter? narrowed = f.Name switch
            {
                DescribeImagesFilterNames.ImageType when filter.Kind is null && WireImages.KindOf(value) is { } kind => filter with { Kind = kind },
                DescribeImagesFilterNames.Platform when filter.Platform is null => filter with { Platform = value },
                DescribeImagesFilterNames.ImageId when filter.ImageIds is null && Ids.Image(value).TryGetValue(out var id, out _) => filter with { ImageIds = [id] },
                _ => null,
            };
            if (narrowed is null)
            {
                return null;
            }

            filter = narrowed;
        }

        return filter;
    }

    private static bool MatchesAll(IReadOnlyList<Filter> filters, VisibleImage visible)
    {
        foreach (var filter in filters)
        {
            if (!Matches(filter, visible))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Matches(Filter filter, VisibleImage visible)
    {
        var image = visible.Image;
        var values = filter.Values ?? [];
        return filter.Name switch
        {
            DescribeImagesFilterNames.ImageId => Lists(values, image.Id.Value, StringComparison.Ordinal),
            DescribeImagesFilterNames.ImageType => Lists(values, WireImages.TypeOf(visible.Kind), StringComparison.Ordinal),
            DescribeImagesFilterNames.ImageState => Lists(values, WireImages.StateOf(image.State), StringComparison.Ordinal),
            DescribeImagesFilterNames.ImageName => Lists(values, image.Name, StringComparison.Ordinal),
            DescribeImagesFilterNames.Platform => Lists(values, image.OperatingSystem.Platform, StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }

    // A loop, not Enumerable.Contains: this runs for every visible image, and the LINQ form allocates an enumerator each time.
    private static bool Lists(IReadOnlyList<string> values, string value, StringComparison comparison)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (string.Equals(values[i], value, comparison))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>DeleteImages: every image is decided first (all or nothing, R16), then deleted; a dry run stops after deciding (R38).</summary>
    private async ValueTask<WireAnswer> DeleteImagesAsync(ApiCall call, RegionId region, DeleteImagesRequest r, CancellationToken cancellationToken)
    {
        if (!Ids.Images(r.ImageIds ?? []).TryGetValue(out var ids, out var malformed))
        {
            return Fail(malformed, call);
        }

        var distinct = ids.Distinct().ToArray();
        foreach (var id in distinct)
        {
            var decided = await images.DeleteImageAsync(new DeleteImage(call.Caller, region, id, DryRun: true), cancellationToken).ConfigureAwait(false);
            if (decided.Failure is not DryRunPassed)
            {
                return Fail(decided.Failure!, call);
            }
        }

        if (r.DryRun == true)
        {
            return Fail(new DryRunPassed(ImageOperation.Delete), call);
        }

        foreach (var id in distinct)
        {
            var deleted = await images.DeleteImageAsync(new DeleteImage(call.Caller, region, id), cancellationToken).ConfigureAwait(false);
            if (!deleted.IsSuccess)
            {
                return Fail(deleted.Failure!, call);
            }
        }

        return Ok(new DeleteImagesResponse(), call);
    }

    /// <summary>SyncImages: every image to every destination, decided first, then copied (R14, R15); the copies' ids when <c>ImageSetRequired</c>.</summary>
    private async ValueTask<WireAnswer> SyncImagesAsync(ApiCall call, RegionId region, SyncImagesRequest r, CancellationToken cancellationToken)
    {
        var read = Result.All(Ids.Images(r.ImageIds ?? []), Regions(r.DestinationRegions ?? []));
        if (!read.TryGetValue(out var targets, out var malformed))
        {
            return Fail(malformed, call);
        }

        var pairs = targets.First.Distinct().SelectMany(id => targets.Second.Distinct().Select(destination => (Id: id, Destination: destination))).ToArray();
        foreach (var (id, destination) in pairs)
        {
            var decided = await images.CopyImageAsync(new CopyImage(call.Caller, region, id, destination, r.ImageName, DryRun: true), cancellationToken).ConfigureAwait(false);
            if (decided.Failure is not DryRunPassed)
            {
                return Fail(decided.Failure!, call);
            }
        }

        if (r.DryRun == true)
        {
            return Fail(new DryRunPassed(ImageOperation.Copy), call);
        }

        var copies = ImmutableArray.CreateBuilder<SyncImage>(pairs.Length);
        foreach (var (id, destination) in pairs)
        {
            var copied = await images.CopyImageAsync(new CopyImage(call.Caller, region, id, destination, r.ImageName), cancellationToken).ConfigureAwait(false);
            if (!copied.TryGetValue(out var copy, out var failure))
            {
                return Fail(failure, call);
            }

            copies.Add(new SyncImage { ImageId = copy.Copy.Id.Value, Region = destination.Value });
        }

        return Ok(new SyncImagesResponse { ImageSet = r.ImageSetRequired == true ? copies.MoveToImmutable() : null }, call);
    }

    private static Result<ImmutableArray<RegionId>> Regions(IEnumerable<string?> texts)
    {
        var regions = ImmutableArray.CreateBuilder<RegionId>();
        foreach (var text in texts)
        {
            if (!Ids.Region(text).TryGetValue(out var region, out var failure))
            {
                return failure;
            }

            regions.Add(region);
        }

        return regions.ToImmutable();
    }
}
