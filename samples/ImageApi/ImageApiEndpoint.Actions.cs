using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy;
using ImageRules.Samples.ImageApi.Wire;
using OneOf;

namespace ImageRules.Samples.ImageApi;

public sealed partial class ImageApiEndpoint
{
    // The sample has no instances and no platform behind it: every instance runs this system, and every image it
    // creates or copies is reported finished at once, so it can be shared and launched straight away.
    private static readonly ImageOperatingSystem InstanceSystem = new(OsFamily.Linux, OsPlatform.TencentOS, "TencentOS Server 3.1 (TK4)");
    private const int InstanceDiskGiB = 50;

    /// <summary><c>DescribeImages</c>: the images the caller can see in the region (R2–R6), one page.</summary>
    private async Task<OneOf<DescribeImagesResponse, ApiError>> DescribeImagesAsync(ApiCall call, HttpRequest request, CancellationToken ct)
    {
        if (!(await ReadAsync(request, Json.DescribeImagesRequest, ct)).TryPickT0(out var input, out var unreadable))
        {
            return unreadable;
        }

        var filter = ImageFilter.None;
        if (input.ImageIds is { Count: > 0 })
        {
            if (!ParseAll(input.ImageIds, Ids.Image, "ImageIds").TryPickT0(out var ids, out var malformed))
            {
                return malformed;
            }

            filter = filter with { ImageIds = ids };
        }

        foreach (var given in input.Filters ?? [])
        {
            if (!Narrow(filter, given).TryPickT0(out filter, out var invalid))
            {
                return invalid;
            }
        }

        var page = await images.DescribeImagesAsync(new DescribeImages(call.Caller, call.Region, filter, input.Offset, input.Limit), ct);
        return page.Match<OneOf<DescribeImagesResponse, ApiError>>(
            found => new DescribeImagesResponse([.. found.Items.Select(ProviderSpelling.ToItem)], found.TotalCount, call.RequestId),
            failure => ApiError.From(failure));
    }

    /// <summary>Adds one of <c>DescribeImages</c>' filters; this sample reads exactly one value per filter.</summary>
    private static OneOf<ImageFilter, ApiError> Narrow(ImageFilter filter, ApiFilter given)
    {
        if (given.Values is not [var value])
        {
            return ApiError.InvalidParameterValue($"filter `{given.Name}` needs exactly one value");
        }

        return given.Name switch
        {
            "image-id" => Parse(value, Ids.Image).MapT0(id => filter with { ImageIds = [id] }),
            "image-type" when ProviderSpelling.TryParseImageType(value, out var kind) => filter with { Kind = kind },
            "image-type" => ApiError.InvalidParameterValue($"image-type `{value}` is not PUBLIC_IMAGE, PRIVATE_IMAGE or SHARED_IMAGE"),
            "image-name" => filter with { NameContains = value },
            "platform" => filter with { Platform = value },
            _ => new ApiError("InvalidFilter", $"filter `{given.Name}` is not one of image-id, image-type, image-name, platform"),
        };
    }

    /// <summary><c>ModifyImageSharePermission</c>: share with accounts, or cancel sharing, all or nothing (R20–R25).</summary>
    private async Task<OneOf<AcknowledgedResponse, ApiError>> ModifyImageSharePermissionAsync(ApiCall call, HttpRequest request, CancellationToken ct)
    {
        if (!(await ReadAsync(request, Json.ModifyImageSharePermissionRequest, ct)).TryPickT0(out var input, out var unreadable))
        {
            return unreadable;
        }

        if (input.ImageId is null || input.Permission is null)
        {
            return ApiError.MissingParameter(input.ImageId is null ? "ImageId" : "Permission");
        }

        if (!Parse(input.ImageId, Ids.Image).TryPickT0(out var image, out var malformed)
            || !ParseAll(input.AccountIds, Ids.Account, "AccountIds").TryPickT0(out var accounts, out malformed))
        {
            return malformed;
        }

        return input.Permission switch
        {
            "SHARE" => Acknowledge(await images.ShareImageAsync(new ShareImage(call.Caller, call.Region, image, accounts), ct), call),
            "CANCEL" => Acknowledge(await images.CancelSharingAsync(new CancelSharing(call.Caller, call.Region, image, accounts), ct), call),
            _ => ApiError.InvalidParameterValue($"permission `{input.Permission}` is not SHARE or CANCEL"),
        };
    }

    /// <summary>
    /// <c>DeleteImages</c>: deletes the images in order (R16). Every id is checked before anything is deleted (R7); the
    /// first refusal stops the call, and the images before it stay deleted.
    /// </summary>
    private async Task<OneOf<AcknowledgedResponse, ApiError>> DeleteImagesAsync(ApiCall call, HttpRequest request, CancellationToken ct)
    {
        if (!(await ReadAsync(request, Json.DeleteImagesRequest, ct)).TryPickT0(out var input, out var unreadable)
            || !ParseAll(input.ImageIds, Ids.Image, "ImageIds").TryPickT0(out var ids, out unreadable))
        {
            return unreadable;
        }

        foreach (var id in ids)
        {
            if (!(await images.DeleteImageAsync(new DeleteImage(call.Caller, call.Region, id), ct)).TryGetValue(out _, out var refused))
            {
                return ApiError.From(refused);
            }
        }

        return new AcknowledgedResponse(call.RequestId);
    }

    /// <summary>
    /// <c>CreateImage</c>: images one of the caller's instances in the region (R10–R12), then plays the platform and
    /// finishes it. A refused completion is answered with its code (naming the image, which stays created), never
    /// turned into a server error.
    /// </summary>
    private async Task<OneOf<CreateImageResponse, ApiError>> CreateImageAsync(ApiCall call, HttpRequest request, CancellationToken ct)
    {
        if (!(await ReadAsync(request, Json.CreateImageRequest, ct)).TryPickT0(out var input, out var unreadable))
        {
            return unreadable;
        }

        if (input.InstanceId is null || input.ImageName is null)
        {
            return ApiError.MissingParameter(input.InstanceId is null ? "InstanceId" : "ImageName");
        }

        if (!Parse(input.InstanceId, Ids.Instance).TryPickT0(out var instance, out var malformed))
        {
            return malformed;
        }

        var create = new CreateImage(call.Caller, call.Region, instance, input.ImageName, input.ImageDescription ?? string.Empty, InstanceSystem, Architecture.X86_64, InstanceDiskGiB);
        var created = await images.CreateImageAsync(create, ct);
        if (!created.TryGetValue(out var image, out var refused)
            || !(await FinishAsync(image.ImageId, ct)).TryGetValue(out _, out refused))
        {
            return ApiError.From(refused);
        }

        return new CreateImageResponse(image.ImageId.Value, call.RequestId);
    }

    /// <summary>
    /// <c>SyncImages</c>: copies each image into each destination region, free of charge (R14, R15). Every id and
    /// region is checked before anything is copied; the first refusal (of a copy or of its completion) stops the call,
    /// and copies before it stay.
    /// </summary>
    private async Task<OneOf<SyncImagesResponse, ApiError>> SyncImagesAsync(ApiCall call, HttpRequest request, CancellationToken ct)
    {
        if (!(await ReadAsync(request, Json.SyncImagesRequest, ct)).TryPickT0(out var input, out var unreadable)
            || !ParseAll(input.ImageIds, Ids.Image, "ImageIds").TryPickT0(out var ids, out unreadable)
            || !ParseAll(input.DestinationRegions, Ids.Region, "DestinationRegions").TryPickT0(out var targets, out unreadable))
        {
            return unreadable;
        }

        var copies = new List<SyncImage>(ids.Length * targets.Length);
        foreach (var id in ids)
        {
            foreach (var target in targets)
            {
                var copied = await images.CopyImageAsync(new CopyImage(call.Caller, call.Region, id, target), ct);
                if (!copied.TryGetValue(out var copy, out var refused)
                    || !(await FinishAsync(copy.ImageId, ct)).TryGetValue(out _, out refused))
                {
                    return ApiError.From(refused);
                }

                copies.Add(new SyncImage(copy.ImageId.Value, target.Value));
            }
        }

        return new SyncImagesResponse(copies, call.RequestId);
    }

    /// <summary>
    /// Plays the platform: the image it was producing is ready. Completion is never refused for contention (R37), but
    /// it may still be refused (the image expired or is gone), so the caller checks the result.
    /// </summary>
    private ValueTask<Result<ImageCompleted>> FinishAsync(ImageId image, CancellationToken ct) =>
        images.CompleteImageAsync(image, succeeded: true, ct);

    private static OneOf<AcknowledgedResponse, ApiError> Acknowledge<T>(Result<T> outcome, ApiCall call) =>
        outcome.Match<OneOf<AcknowledgedResponse, ApiError>>(_ => new AcknowledgedResponse(call.RequestId), failure => ApiError.From(failure));
}
