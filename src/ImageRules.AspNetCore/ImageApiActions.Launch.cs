using System.Globalization;
using System.Security.Cryptography;
using ImageRules.AspNetCore.Wire;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Policy.Failures;

namespace ImageRules.AspNetCore;

internal sealed partial class ImageApiActions
{
    /// <summary>
    /// InquiryPriceRunInstances, limited to what the image rules decide: the launch must be allowed (R30), and the
    /// hourly price is the stand-in's instance price plus the image's licence fee (R31).
    /// </summary>
    private async ValueTask<(byte[] Body, string Code)> InquiryPriceAsync(ApiCall call, RegionId region, InquiryPriceRunInstancesRequest r, CancellationToken cancellationToken)
    {
        if (ZoneOutside(region, r.Placement?.Zone) is { } wrongZone)
        {
            return ImageApiEndpoint.Error(wrongZone, call.RequestId);
        }

        var decided = await DecideLaunchAsync(call, region, r.ImageId, cancellationToken).ConfigureAwait(false);
        if (!decided.TryGetValue(out var permit, out var refused))
        {
            return Fail(refused, call);
        }

        var hourly = (double)(options.Value.InstancePricePerHour + permit.LicenceFeePerHour.Amount);
        var price = new ItemPrice { UnitPrice = hourly, UnitPriceDiscount = hourly, ChargeUnit = "HOUR", Discount = 100 };
        return Ok(new InquiryPriceRunInstancesResponse { Price = new Price { InstancePrice = price } }, call);
    }

    /// <summary>RunInstances, limited to what the image rules decide: launch permission (R30); the instances are ids only.</summary>
    private async ValueTask<(byte[] Body, string Code)> RunInstancesAsync(ApiCall call, RegionId region, RunInstancesRequest r, CancellationToken cancellationToken)
    {
        var count = r.InstanceCount ?? 1; // within [1, 500]: RunInstancesRequest.Validate (WireLimits.RunInstancesInstanceCount)
        if (ZoneOutside(region, r.Placement?.Zone) is { } wrongZone)
        {
            return ImageApiEndpoint.Error(wrongZone, call.RequestId);
        }

        var decided = await DecideLaunchAsync(call, region, r.ImageId, cancellationToken).ConfigureAwait(false);
        if (!decided.TryGetValue(out _, out var refused))
        {
            return Fail(refused, call);
        }

        return r.DryRun == true
            ? Fail(new DryRunPassed(ImageOperation.Launch), call)
            : Ok(new RunInstancesResponse { InstanceIdSet = [.. Enumerable.Range(0, (int)count).Select(_ => NewInstanceId())] }, call);
    }

    /// <summary>The launch decision for an image in the region addressed.</summary>
    private async ValueTask<Result<LaunchPermit>> DecideLaunchAsync(ApiCall call, RegionId region, string? imageId, CancellationToken cancellationToken)
    {
        if (!Ids.Image(imageId).TryGetValue(out var id, out var malformed))
        {
            return malformed;
        }

        return await images.LaunchAsync(new LaunchImage(call.Caller, region, id), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Null when <paramref name="zone"/> is a zone of <paramref name="region"/> (<c>&lt;region&gt;-&lt;n&gt;</c>); else the
    /// provider's answer to a zone it has not in the region, <c>InvalidZone.MismatchRegion</c> (RunInstances' error list).
    /// </summary>
    private static WireError? ZoneOutside(RegionId region, string? zone) =>
        zone is null ? WireErrors.Missing("Placement.Zone")
        : ZoneRegion(zone) == region.Value ? null
        : new WireError(WireErrorCodes.InvalidZoneMismatchRegion, $"zone `{(zone.Length <= 64 ? zone : string.Concat(zone.AsSpan(0, 64), "…"))}` is not a zone of region `{region.Value}`");

    /// <summary>The region of a zone such as <c>ap-guangzhou-3</c>: the zone less its final number.</summary>
    private static string? ZoneRegion(string? zone)
    {
        var dash = zone?.LastIndexOf('-') ?? -1;
        return dash > 0 && int.TryParse(zone.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? zone![..dash]
            : null;
    }

    private static string NewInstanceId() => "ins-" + RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 8);
}
