namespace ImageRules.AspNetCore.Wire;

/// <summary>The actions of cvm 2017-03-12 whose requests the wire layer reads, as the <c>X-TC-Action</c> header names them.</summary>
/// <remarks><see cref="ExportImages"/> and <see cref="DescribeImageFromFamily"/> are read only to be answered <c>UnsupportedOperation</c>.</remarks>
internal static class WireActions
{
    public const string Version = "2017-03-12";

    public const string DescribeImages = nameof(DescribeImages);
    public const string CreateImage = nameof(CreateImage);
    public const string DeleteImages = nameof(DeleteImages);
    public const string ModifyImageAttribute = nameof(ModifyImageAttribute);
    public const string ModifyImageSharePermission = nameof(ModifyImageSharePermission);
    public const string DescribeImageSharePermission = nameof(DescribeImageSharePermission);
    public const string SyncImages = nameof(SyncImages);
    public const string ImportImage = nameof(ImportImage);
    public const string DescribeImportImageOs = nameof(DescribeImportImageOs);
    public const string DescribeImageQuota = nameof(DescribeImageQuota);
    public const string DescribeRegions = nameof(DescribeRegions);
    public const string InquiryPriceRunInstances = nameof(InquiryPriceRunInstances);
    public const string RunInstances = nameof(RunInstances);
    public const string ExportImages = nameof(ExportImages);
    public const string DescribeImageFromFamily = nameof(DescribeImageFromFamily);

    /// <summary>Every action above, in the order of the brief.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        DescribeImages, CreateImage, DeleteImages, ModifyImageAttribute, ModifyImageSharePermission,
        DescribeImageSharePermission, SyncImages, ImportImage, DescribeImportImageOs, DescribeImageQuota,
        DescribeRegions, InquiryPriceRunInstances, RunInstances, ExportImages, DescribeImageFromFamily,
    ];
}
