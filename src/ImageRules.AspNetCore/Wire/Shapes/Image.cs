using System.Text.Json.Serialization;

namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>Image</c>: an image with its state and attributes, as DescribeImages lists it.</summary>
/// <remarks>
/// Every field is optional in the SDK model; an unset one is left out of the JSON, except <see cref="SyncPercent"/>,
/// which the model documents as possibly null and the provider writes as <c>null</c>. Written by
/// <see cref="WireImageConverter"/>, which also formats <see cref="CreatedTime"/> (<see cref="WireTimestamp"/>). Immutable.
/// </remarks>
[JsonConverter(typeof(WireImageConverter))]
internal sealed record Image
{
    /// <summary>The image id, such as <c>img-gvbnzy6f</c>.</summary>
    public string? ImageId { get; init; }

    /// <summary>The operating system, such as <c>TencentOS Server 3.1 (TK4)</c>.</summary>
    public string? OsName { get; init; }

    /// <summary><c>PUBLIC_IMAGE</c>, <c>PRIVATE_IMAGE</c> or <c>SHARED_IMAGE</c>.</summary>
    public string? ImageType { get; init; }

    /// <summary>ISO 8601 in UTC, <c>YYYY-MM-DDThh:mm:ssZ</c>; see <see cref="WireTimestamp"/>.</summary>
    public DateTimeOffset? CreatedTime { get; init; }

    /// <summary>The image name.</summary>
    public string? ImageName { get; init; }

    /// <summary>The image description.</summary>
    public string? ImageDescription { get; init; }

    /// <summary>The size in GiB (SDK: int64).</summary>
    public long? ImageSize { get; init; }

    /// <summary><c>x86_64</c>, <c>arm</c> or <c>i386</c>.</summary>
    public string? Architecture { get; init; }

    /// <summary><c>CREATING</c>, <c>NORMAL</c>, <c>CREATEFAILED</c>, <c>SYNCING</c>, <c>IMPORTING</c> or <c>IMPORTFAILED</c>.</summary>
    public string? ImageState { get; init; }

    /// <summary>The platform, such as <c>TencentOS</c>, <c>CentOS</c>, <c>Windows</c>, <c>Ubuntu</c>.</summary>
    public string? Platform { get; init; }

    /// <summary>The account that created the image.</summary>
    public string? ImageCreator { get; init; }

    /// <summary><c>OFFICIAL</c>, <c>CREATE_IMAGE</c> or <c>EXTERNAL_IMPORT</c>.</summary>
    public string? ImageSource { get; init; }

    /// <summary>The sync progress in percent; may be null (SDK: int64).</summary>
    public long? SyncPercent { get; init; }

    /// <summary>Whether the image supports cloud-init.</summary>
    public bool? IsSupportCloudinit { get; init; }

    /// <summary>The snapshots the image is made of.</summary>
    public IReadOnlyList<Snapshot>? SnapshotSet { get; init; }

    /// <summary>The image's tags.</summary>
    public IReadOnlyList<Tag>? Tags { get; init; }

    /// <summary><c>TencentCloud</c> or <c>BYOL</c>.</summary>
    public string? LicenseType { get; init; }

    /// <summary>The image family.</summary>
    public string? ImageFamily { get; init; }

    /// <summary>Whether the image is deprecated.</summary>
    public bool? ImageDeprecated { get; init; }

    /// <summary>The cache state of the image in a CDC (dedicated cluster).</summary>
    public string? CdcCacheStatus { get; init; }
}
