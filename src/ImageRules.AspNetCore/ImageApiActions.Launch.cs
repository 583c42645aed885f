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
    private async ValueTask<WireAnswer> InquiryPriceAsync(ApiCall call, RegionId region, InquiryPriceRunInstancesRequest r, CancellationToken cancellationToken)
    {
        var (decided, refused) = await DecideLaunchAsync(call, region, r.Placement, r.LaunchTemplate, r.ImageId, cancellationToken).ConfigureAwait(false);
        if (decided is not { } permit)
        {
            return refused;
        }

        var hourly = (double)(options.Value.InstancePricePerHour + permit.LicenceFeePerHour.Amount);
        var price = new ItemPrice { UnitPrice = hourly, UnitPriceDiscount = hourly, ChargeUnit = "HOUR", Discount = 100 };
        return Ok(new InquiryPriceRunInstancesResponse { Price = new Price { InstancePrice = price } }, call);
    }

    /// <summary>
    /// RunInstances, limited to what the image rules decide: launch permission (R30); the instances are ids only, as
    /// many as <c>InstanceCount</c> (1 by default; its range is checked with the request, <see cref="WireLimits.RunInstancesInstanceCount"/>).
    /// </summary>
    private async ValueTask<WireAnswer> RunInstancesAsync(ApiCall call, RegionId region, RunInstancesRequest r, CancellationToken cancellationToken)
    {
        var count = r.InstanceCount ?? 1;
        var (decided, refused) = await DecideLaunchAsync(call, region, r.Placement, r.LaunchTemplate, r.ImageId, cancellationToken).ConfigureAwait(false);
        if (decided is null)
        {
            return refused;
        }

        return r.DryRun == true
            ? Fail(new DryRunPassed(ImageOperation.Launch), call)
            : Ok(new RunInstancesResponse { InstanceIdSet = [.. Enumerable.Range(0, (int)count).Select(_ => NewInstanceId())] }, call);
    }

    /// <summary>
    /// The launch permit for an image in a zone of the region addressed, or the answer that refuses it: a zone of
    /// another region (or no zone name at all) is <c>InvalidZone.MismatchRegion</c>, as the provider answers it; a
    /// launch template, which this stand-in does not keep, is <c>UnsupportedOperation</c>.
    /// </summary>
    private async ValueTask<(LaunchPermit? Permit, WireAnswer Refused)> DecideLaunchAsync(
        ApiCall call, RegionId region, Placement? placement, LaunchTemplate? template, string? imageId, CancellationToken cancellationToken)
    {
        if (template is not null)
        {
            return (null, Unsupported(call, "launch templates are not emulated by this stand-in: give `Placement` and `ImageId` instead of `LaunchTemplate`"));
        }

        if (ZoneRegion(placement?.Zone) != region.Value)
        {
            return (null, ImageApiEndpoint.Error(WireErrors.ZoneMismatch(placement?.Zone ?? string.Empty, region.Value), call.RequestId));
        }

        if (!Ids.Image(imageId).TryGetValue(out var id, out var malformed))
        {
            return (null, Fail(malformed, call));
        }

        var decided = await images.LaunchAsync(new LaunchImage(call.Caller, region, id), cancellationToken).ConfigureAwait(false);
        return decided.TryGetValue(out var permit, out var refused) ? (permit, default) : (null, Fail(refused, call));
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
