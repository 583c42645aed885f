using System.Collections.Immutable;
using ImageRules.Application;
using ImageRules.AspNetCore.Lifecycle;
using ImageRules.AspNetCore.Wire;
using ImageRules.Domain;
using ImageRules.Policy;
using Microsoft.Extensions.Options;

namespace ImageRules.AspNetCore;

/// <summary>
/// Every image action of the provider's <c>cvm</c> 2017-03-12 API, mapped onto <see cref="ImageService"/>: wire
/// values are read with the provider's codes (R7), the library decides, and its answer or failure is written with
/// the SDK model's names. Actions the rules cannot serve answer <c>UnsupportedOperation</c> with a clear message.
/// </summary>
internal sealed partial class ImageApiActions(ImageService images, ImageLifecycle lifecycle, ProviderCatalogue world, IOptions<ImageApiOptions> options)
{
    public ValueTask<WireAnswer> AnswerAsync(ApiCall call, WireRequest request, CancellationToken cancellationToken) => request switch
    {
        DescribeRegionsRequest => ValueTask.FromResult(Ok(DescribeRegions(), call)),
        DescribeImportImageOsRequest => ValueTask.FromResult(Ok(DescribeImportImageOs(), call)),
        ExportImagesRequest => ValueTask.FromResult(Unsupported(call, "image export needs object storage, which this stand-in does not emulate")),
        DescribeImageFromFamilyRequest => ValueTask.FromResult(Unsupported(call, "image families are not emulated by this stand-in")),
        _ => InRegionAsync(call, request, cancellationToken),
    };

    private async ValueTask<WireAnswer> InRegionAsync(ApiCall call, WireRequest request, CancellationToken cancellationToken)
    {
        if (call.RegionText.Length == 0)
        {
            return ImageApiEndpoint.Error(new WireError(WireErrorCodes.MissingParameter, "the `X-TC-Region` header is missing"), call.RequestId);
        }

        if (!call.Region.TryGetValue(out var region, out var unknown))
        {
            return Fail(unknown, call);
        }

        return request switch
        {
            DescribeImagesRequest r => await DescribeImagesAsync(call, region, r, cancellationToken).ConfigureAwait(false),
            CreateImageRequest r => await CreateImageAsync(call, region, r, cancellationToken).ConfigureAwait(false),
            DeleteImagesRequest r => await DeleteImagesAsync(call, region, r, cancellationToken).ConfigureAwait(false),
            ModifyImageAttributeRequest r => await ModifyImageAttributeAsync(call, region, r, cancellationToken).ConfigureAwait(false),
            ModifyImageSharePermissionRequest r => await ModifyImageSharePermissionAsync(call, region, r, cancellationToken).ConfigureAwait(false),
            DescribeImageSharePermissionRequest r => await DescribeImageSharePermissionAsync(call, region, r, cancellationToken).ConfigureAwait(false),
            SyncImagesRequest r => await SyncImagesAsync(call, region, r, cancellationToken).ConfigureAwait(false),
            ImportImageRequest r => await ImportImageAsync(call, region, r, cancellationToken).ConfigureAwait(false),
            DescribeImageQuotaRequest => await DescribeImageQuotaAsync(call, region, cancellationToken).ConfigureAwait(false),
            InquiryPriceRunInstancesRequest r => await InquiryPriceAsync(call, region, r, cancellationToken).ConfigureAwait(false),
            RunInstancesRequest r => await RunInstancesAsync(call, region, r, cancellationToken).ConfigureAwait(false),
            _ => Unsupported(call, $"action `{request.GetType().Name}` is not served"),
        };
    }

    private DescribeRegionsResponse DescribeRegions() => new()
    {
        TotalCount = (ulong)world.Regions.Length,
        RegionSet = [.. world.Regions.Select(r => new RegionInfo { Region = r.Id.Value, RegionName = r.DisplayName, RegionState = "AVAILABLE" })],
    };

    /// <summary>
    /// What R18 imports: the answer never changes, so it is made once. A client takes ImportImage's <c>OsType</c> from
    /// the first list and its <c>OsVersion</c> from the second (SDK: "通过DescribeImportImageOs获取"), so each type
    /// listed is an <c>OsName</c> of the second list, and each pair imports.
    /// </summary>
    private static readonly DescribeImportImageOsResponse ImportableSystems = new()
    {
        ImportImageOsListSupported = new ImageOsList
        {
            Windows = ["Windows"],
            Linux = ["CentOS", "Ubuntu", "Debian", "CoreOS", "openSUSE", "SUSE"],
        },
        ImportImageOsVersionSet =
        [
            new OsVersion { OsName = "Windows", OsVersions = ["2008", "2012", "2016"], Architecture = ["x86_64", "i386"] },
            .. new[] { "CentOS", "Ubuntu", "Debian", "CoreOS", "openSUSE", "SUSE" }.Select(os => new OsVersion { OsName = os, OsVersions = ["any"], Architecture = ["x86_64", "i386"] }),
        ],
    };

    private static DescribeImportImageOsResponse DescribeImportImageOs() => ImportableSystems;

    /// <summary>CreateImage from an instance (R10); from snapshots, which this stand-in does not keep, is <c>UnsupportedOperation</c>.</summary>
    private async ValueTask<WireAnswer> CreateImageAsync(ApiCall call, RegionId region, CreateImageRequest r, CancellationToken cancellationToken)
    {
        if (r.InstanceId is null)
        {
            return Unsupported(call, "images made of snapshots are not emulated by this stand-in: give `InstanceId` instead of `SnapshotIds`");
        }

        if (!Ids.Instance(r.InstanceId).TryGetValue(out var instance, out var malformed))
        {
            return Fail(malformed, call);
        }

        var created = await images.CreateImageAsync(
            new CreateImage(call.Caller, region, instance, r.ImageName ?? string.Empty, r.ImageDescription ?? string.Empty, DryRun: r.DryRun == true),
            cancellationToken).ConfigureAwait(false);
        return created.TryGetValue(out var made, out var refused) ? Ok(new CreateImageResponse { ImageId = made.Image.Id.Value }, call) : Fail(refused, call);
    }

    private async ValueTask<WireAnswer> ModifyImageAttributeAsync(ApiCall call, RegionId region, ModifyImageAttributeRequest r, CancellationToken cancellationToken)
    {
        if (!Ids.Image(r.ImageId).TryGetValue(out var id, out var malformed))
        {
            return Fail(malformed, call);
        }

        var modified = await images.ModifyImageAsync(new ModifyImage(call.Caller, region, id, r.ImageName, r.ImageDescription), cancellationToken).ConfigureAwait(false);
        return modified.IsSuccess ? Ok(new ModifyImageAttributeResponse(), call) : Fail(modified.Failure!, call);
    }

    private async ValueTask<WireAnswer> ModifyImageSharePermissionAsync(ApiCall call, RegionId region, ModifyImageSharePermissionRequest r, CancellationToken cancellationToken)
    {
        if (!Result.All(Ids.Image(r.ImageId), Ids.Accounts(r.AccountIds ?? [])).TryGetValue(out var read, out var malformed))
        {
            return Fail(malformed, call);
        }

        var (id, accounts) = read;
        var changed = string.Equals(r.Permission, ModifyImageSharePermissionRequest.Share, StringComparison.OrdinalIgnoreCase)
            ? (await images.ShareImageAsync(new ShareImage(call.Caller, region, id, accounts), cancellationToken).ConfigureAwait(false)).Failure
            : (await images.CancelSharingAsync(new CancelSharing(call.Caller, region, id, accounts), cancellationToken).ConfigureAwait(false)).Failure;
        return changed is null ? Ok(new ModifyImageSharePermissionResponse(), call) : Fail(changed, call);
    }

    private async ValueTask<WireAnswer> DescribeImageSharePermissionAsync(ApiCall call, RegionId region, DescribeImageSharePermissionRequest r, CancellationToken cancellationToken)
    {
        if (!Ids.Image(r.ImageId).TryGetValue(out var id, out var malformed))
        {
            return Fail(malformed, call);
        }

        var grants = await images.DescribeShareGrantsAsync(new DescribeShareGrants(call.Caller, region, id), cancellationToken).ConfigureAwait(false);
        return grants.TryGetValue(out var found, out var refused)
            ? Ok(new DescribeImageSharePermissionResponse { SharePermissionSet = [.. found.Select(g => new SharePermission { AccountId = g.Recipient.Value, CreatedTime = g.GrantedAt })] }, call)
            : Fail(refused, call);
    }

    private async ValueTask<WireAnswer> DescribeImageQuotaAsync(ApiCall call, RegionId region, CancellationToken cancellationToken)
    {
        var quota = await images.DescribeQuotaAsync(new DescribeQuota(call.Caller, region), cancellationToken).ConfigureAwait(false);
        return quota.TryGetValue(out var usage, out var refused) ? Ok(new DescribeImageQuotaResponse { ImageNumQuota = usage.Limit }, call) : Fail(refused, call);
    }

    private async ValueTask<WireAnswer> ImportImageAsync(ApiCall call, RegionId region, ImportImageRequest r, CancellationToken cancellationToken)
    {
        if (!ArchitectureExtensions.TryParseProviderName(r.Architecture == "arm" ? "arm64" : r.Architecture, out var architecture))
        {
            return ImageApiEndpoint.Error(new WireError(WireErrorCodes.InvalidParameterValue, $"architecture `{r.Architecture}` is not one of x86_64, i386, arm"), call.RequestId);
        }

        var imported = await images.ImportImageAsync(
            new ImportImage(call.Caller, region, r.ImageUrl ?? string.Empty, r.ImageName ?? string.Empty, r.OsType ?? string.Empty, r.OsVersion ?? string.Empty, architecture, Force: r.Force == true, Description: r.ImageDescription ?? string.Empty, DryRun: r.DryRun == true),
            cancellationToken).ConfigureAwait(false);
        return imported.TryGetValue(out var made, out var refused) ? Ok(new ImportImageResponse { ImageId = made.Image.Id.Value }, call) : Fail(refused, call);
    }

    private static WireAnswer Ok<T>(T response, ApiCall call)
        where T : WireResponse => WireResponseWriter.Success(response, call.RequestId);

    private static WireAnswer Fail(Failure failure, ApiCall call) =>
        ImageApiEndpoint.Error(new WireError(failure.Code, failure.Message), call.RequestId);

    private static WireAnswer Unsupported(ApiCall call, string why) =>
        ImageApiEndpoint.Error(new WireError(WireErrorCodes.UnsupportedOperation, why), call.RequestId);
}
