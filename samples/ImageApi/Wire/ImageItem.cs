namespace ImageRules.Samples.ImageApi.Wire;

/// <summary>One image of <c>DescribeImages</c>' <c>ImageSet</c>, with the provider's field names and spellings.</summary>
/// <param name="ImageId">The image id.</param>
/// <param name="ImageName">The name.</param>
/// <param name="ImageDescription">The description.</param>
/// <param name="ImageType"><c>PUBLIC_IMAGE</c>, <c>PRIVATE_IMAGE</c> (the caller's custom image) or <c>SHARED_IMAGE</c>.</param>
/// <param name="ImageState">Such as <c>NORMAL</c> or <c>CREATING</c>.</param>
/// <param name="OsName">The operating system's full name.</param>
/// <param name="Platform">Such as <c>TencentOS</c> or <c>Windows</c>.</param>
/// <param name="Architecture"><c>i386</c>, <c>x86_64</c> or <c>arm64</c>.</param>
/// <param name="ImageSize">The system disk, in GiB.</param>
/// <param name="ImageCreator">The owning account; null for a public image.</param>
/// <param name="CreatedTime">When it was made, ISO 8601.</param>
public sealed record ImageItem(
    string ImageId,
    string ImageName,
    string ImageDescription,
    string ImageType,
    string ImageState,
    string OsName,
    string Platform,
    string Architecture,
    int ImageSize,
    string? ImageCreator,
    DateTimeOffset CreatedTime);
