namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>SystemDisk</c> as RunInstances and InquiryPriceRunInstances send it.</summary>
/// <remarks>Every field is optional. Immutable.</remarks>
internal sealed record SystemDisk
{
    /// <summary>The disk type, such as <c>CLOUD_SSD</c>.</summary>
    public string? DiskType { get; init; }

    /// <summary>The size in GiB; 50 by default (SDK: int64).</summary>
    public long? DiskSize { get; init; }

    /// <summary>The disk name, at most 128 characters.</summary>
    public string? DiskName { get; init; }

    /// <summary>Whether the disk is encrypted.</summary>
    public bool? Encrypt { get; init; }

    /// <summary>The KMS key of an encrypted disk.</summary>
    public string? KmsKeyId { get; init; }
}
