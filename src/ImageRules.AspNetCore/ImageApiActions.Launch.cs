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
        var decided = await DecideLaunchAsync(call, region, r.Placement?.Zone, r.ImageId, cancellationToken).ConfigureAwait(false);
        if (!decided.TryGetValue(out var permit, out var refused))
        {
            return Fail(refused, call);
        }

        var hourly = (double)(options.Value.InstancePricePerHour + permit.LicenceFeePerHour.Amount);
        var price = new ItemPrice { UnitPrice = hourly, UnitPriceDiscount = hourly, ChargeUnit = "HOUR", Discount = 100 };
        return Ok(new InquiryPriceRunInstancesResponse { Price = new Price { InstancePrice = price } }, call);
    }

    /// <summary>
    /// RunInstances, limited to what the image rules decide: launch permission (R30); the instances are ids only, as
    /// many as <c>InstanceCount</c> (1 by default; its range is checked with the request, <see cref="WireLimits.RunInstancesInstanceCount"/>).
    /// </summary>
    private async ValueTask<(byte[] Body, string Code)> RunInstancesAsync(ApiCall call, RegionId region, RunInstancesRequest r, CancellationToken cancellationToken)
    {
        var count = r.InstanceCount ?? 1;
        var decided = await DecideLaunchAsync(call, region, r.Placement?.Zone, r.ImageId, cancellationToken).ConfigureAwait(false);
        if (!decided.TryGetValue(out _, out var refused))
        {
            return Fail(refused, call);
        }

        return r.DryRun == true
            ? Fail(new DryRunPassed(ImageOperation.Launch), call)
            : Ok(new RunInstancesResponse { InstanceIdSet = [.. Enumerable.Range(0, (int)count).Select(_ => NewInstanceId())] }, call);
    }

    /// <summary>The launch decision for an image in a zone of the region addressed; a zone elsewhere is refused as the provider does.</summary>
    private async ValueTask<Result<LaunchPermit>> DecideLaunchAsync(ApiCall call, RegionId region, string? zone, string? imageId, CancellationToken cancellationToken)
    {
        if (!Ids.Image(imageId).TryGetValue(out var id, out var malformed))
        {
            return malformed;
        }

        if (ZoneRegion(zone) != region.Value)
        {
            return new RegionNotFound(zone);
        }

        return await images.LaunchAsync(new LaunchImage(call.Caller, region, id), cancellationToken).ConfigureAwait(false);
    }

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
