namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>Snapshot</c>: a snapshot an image is made of.</summary>
/// <remarks>Every field is optional. Immutable.</remarks>
internal sealed record Snapshot
{
    /// <summary>The snapshot id.</summary>
    public string? SnapshotId { get; init; }

    /// <summary><c>SYSTEM_DISK</c> or <c>DATA_DISK</c>.</summary>
    public string? DiskUsage { get; init; }

    /// <summary>The size in GiB of the disk the snapshot was taken of (SDK: int64).</summary>
    public long? DiskSize { get; init; }
}
