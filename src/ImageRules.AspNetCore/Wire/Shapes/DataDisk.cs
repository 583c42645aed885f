namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>DataDisk</c> as RunInstances and InquiryPriceRunInstances send it.</summary>
/// <remarks><see cref="DiskSize"/> is required by the SDK model. Immutable.</remarks>
internal sealed record DataDisk
{
    /// <summary>The size in GiB (SDK: int64).</summary>
    public long? DiskSize { get; init; }

    /// <summary>The disk type, such as <c>CLOUD_PREMIUM</c>.</summary>
    public string? DiskType { get; init; }

    /// <summary>A snapshot to create the disk from, such as one of an image's <c>SnapshotSet</c>.</summary>
    public string? SnapshotId { get; init; }

    /// <summary>Whether the disk goes with the instance.</summary>
    public bool? DeleteWithInstance { get; init; }

    /// <summary>Whether the disk is encrypted.</summary>
    public bool? Encrypt { get; init; }

    /// <summary>The KMS key of an encrypted disk.</summary>
    public string? KmsKeyId { get; init; }

    /// <summary>The disk name.</summary>
    public string? DiskName { get; init; }

    /// <summary>The disk at <paramref name="path"/> checked as a request part.</summary>
    public WireError? Validate(string path) => WireChecks.Required(DiskSize, $"{path}.DiskSize");
}
