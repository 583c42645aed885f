namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>CreateImageRequest</c>: a custom image from an instance or from snapshots.</summary>
/// <remarks>
/// <c>ImageName</c> is required; exactly one of <c>InstanceId</c> and <c>SnapshotIds</c>: neither is
/// <c>InvalidParameter.SpecifyOneParameter</c>, both <c>InvalidParameterConflict</c>. <c>ForcePoweroff</c> and
/// <c>Sysprep</c> are the strings <c>true</c> and <c>false</c>, as the SDK types them.
/// </remarks>
internal sealed record CreateImageRequest : WireRequest
{
    /// <summary>The image name, at most 60 characters.</summary>
    public string? ImageName { get; init; }

    /// <summary>The instance to image.</summary>
    public string? InstanceId { get; init; }

    /// <summary>The image description, at most 256 characters.</summary>
    public string? ImageDescription { get; init; }

    /// <summary><c>true</c> to stop the instance first; <c>false</c> by default (SDK: string).</summary>
    public string? ForcePoweroff { get; init; }

    /// <summary><c>true</c> to run Sysprep on a Windows instance; <c>false</c> by default (SDK: string).</summary>
    public string? Sysprep { get; init; }

    /// <summary>Data disks of the instance to include in a whole-machine image.</summary>
    public IReadOnlyList<string>? DataDiskIds { get; init; }

    /// <summary>Snapshots to build the image of; one must be of a system disk.</summary>
    public IReadOnlyList<string>? SnapshotIds { get; init; }

    /// <summary>Check only; create nothing.</summary>
    public bool? DryRun { get; init; }

    /// <summary>Tags to bind to the image.</summary>
    public IReadOnlyList<TagSpecification>? TagSpecification { get; init; }

    /// <summary>The image family.</summary>
    public string? ImageFamily { get; init; }

    /// <inheritdoc />
    public override WireError? Validate() =>
        WireChecks.Required(ImageName, nameof(ImageName))
        ?? WireChecks.NoNullItems(DataDiskIds, nameof(DataDiskIds))
        ?? WireChecks.NoNullItems(SnapshotIds, nameof(SnapshotIds))
        ?? (InstanceId, SnapshotIds) switch
        {
            (null, null or { Count: 0 }) => WireErrors.SpecifyOne(nameof(InstanceId), nameof(SnapshotIds)),
            (not null, { Count: > 0 }) => WireErrors.Coexist(nameof(InstanceId), nameof(SnapshotIds), WireErrorCodes.InvalidParameterConflict),
            _ => null,
        }
        ?? WireChecks.OneOf(ForcePoweroff, nameof(ForcePoweroff), "true", "false")
        ?? WireChecks.OneOf(Sysprep, nameof(Sysprep), "true", "false")
        ?? WireChecks.TagSpecifications(TagSpecification, nameof(TagSpecification));
}
