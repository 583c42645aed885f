namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>ImportImageRequest</c>: a custom image from an image file in COS.</summary>
/// <remarks><c>Architecture</c>, <c>OsType</c>, <c>OsVersion</c>, <c>ImageUrl</c> and <c>ImageName</c> are required.</remarks>
internal sealed record ImportImageRequest : WireRequest
{
    /// <summary><c>x86_64</c>, <c>i386</c> or <c>arm_64</c>.</summary>
    public string? Architecture { get; init; }

    /// <summary>The operating system, one of DescribeImportImageOs's <c>ImportImageOsListSupported</c>.</summary>
    public string? OsType { get; init; }

    /// <summary>The version, one of DescribeImportImageOs's <c>ImportImageOsVersionSet</c>.</summary>
    public string? OsVersion { get; init; }

    /// <summary>The COS address of the image file.</summary>
    public string? ImageUrl { get; init; }

    /// <summary>The image name, at most 60 characters.</summary>
    public string? ImageName { get; init; }

    /// <summary>The image description, at most 256 characters.</summary>
    public string? ImageDescription { get; init; }

    /// <summary>Check only; import nothing.</summary>
    public bool? DryRun { get; init; }

    /// <summary>Import even if the image fails the checks.</summary>
    public bool? Force { get; init; }

    /// <summary>Tags to bind to the image.</summary>
    public IReadOnlyList<TagSpecification>? TagSpecification { get; init; }

    /// <summary><c>TencentCloud</c> (default) or <c>BYOL</c>.</summary>
    public string? LicenseType { get; init; }

    /// <summary><c>Legacy BIOS</c> (default) or <c>UEFI</c>.</summary>
    public string? BootMode { get; init; }

    /// <summary>The image family.</summary>
    public string? ImageFamily { get; init; }

    /// <summary>Data disk images to import with the system disk.</summary>
    public IReadOnlyList<ImportImageDataDisk>? ImportImageDataDiskList { get; init; }

    /// <inheritdoc />
    public override WireError? Validate() =>
        WireChecks.Required(Architecture, nameof(Architecture))
        ?? WireChecks.Required(OsType, nameof(OsType))
        ?? WireChecks.Required(OsVersion, nameof(OsVersion))
        ?? WireChecks.Required(ImageUrl, nameof(ImageUrl))
        ?? WireChecks.Required(ImageName, nameof(ImageName))
        ?? WireChecks.TagSpecifications(TagSpecification, nameof(TagSpecification))
        ?? WireChecks.Each(ImportImageDataDiskList, nameof(ImportImageDataDiskList), static (disk, path) =>
            WireChecks.Required(disk.ImageUrl, $"{path}.ImageUrl"));
}
