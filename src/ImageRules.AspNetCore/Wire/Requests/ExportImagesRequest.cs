namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>ExportImagesRequest</c>: export custom images to a COS bucket.</summary>
/// <remarks>Read so that the action can be answered <c>UnsupportedOperation</c>; <c>BucketName</c> is required.</remarks>
internal sealed record ExportImagesRequest : WireRequest
{
    /// <summary>The COS bucket.</summary>
    public string? BucketName { get; init; }

    /// <summary>The images to export.</summary>
    public IReadOnlyList<string>? ImageIds { get; init; }

    /// <summary><c>RAW</c> (default), <c>QCOW2</c>, <c>VHD</c> or <c>VMDK</c>.</summary>
    public string? ExportFormat { get; init; }

    /// <summary>Prefixes of the exported files' names.</summary>
    public IReadOnlyList<string>? FileNamePrefixList { get; init; }

    /// <summary>Export the system disk only.</summary>
    public bool? OnlyExportRootDisk { get; init; }

    /// <summary>Check only; export nothing.</summary>
    public bool? DryRun { get; init; }

    /// <summary>The role that may write to the bucket; <c>CVM_QcsRole</c> by default.</summary>
    public string? RoleName { get; init; }

    /// <inheritdoc />
    public override WireError? Validate() =>
        WireChecks.Required(BucketName, nameof(BucketName))
        ?? WireChecks.NoNullItems(ImageIds, nameof(ImageIds))
        ?? WireChecks.NoNullItems(FileNamePrefixList, nameof(FileNamePrefixList));
}
