using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImageRules.AspNetCore.Wire;

/// <summary>
/// The source-generated JSON metadata of every wire type (no reflection, AOT-safe): requests to read, answers in their
/// envelope to write.
/// </summary>
/// <remarks>
/// Property names are the C# names, which are the SDK's PascalCase names. Reading skips unknown properties (the SDKs
/// send some this service does not use) and stops at <see cref="WireRequestReader.MaxDepth"/>. Writing leaves out
/// null properties, except those marked <c>[JsonIgnore(Condition = Never)]</c> (fields the SDK model documents as
/// possibly null). Use <see cref="Wire"/>: it writes text as the provider does, UTF-8 unescaped (the answers are
/// <c>application/json</c> for the SDKs, never embedded in HTML).
/// </remarks>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = WireRequestReader.MaxDepth,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(DescribeImagesRequest))]
[JsonSerializable(typeof(CreateImageRequest))]
[JsonSerializable(typeof(DeleteImagesRequest))]
[JsonSerializable(typeof(ModifyImageAttributeRequest))]
[JsonSerializable(typeof(ModifyImageSharePermissionRequest))]
[JsonSerializable(typeof(DescribeImageSharePermissionRequest))]
[JsonSerializable(typeof(SyncImagesRequest))]
[JsonSerializable(typeof(ImportImageRequest))]
[JsonSerializable(typeof(DescribeImportImageOsRequest))]
[JsonSerializable(typeof(DescribeImageQuotaRequest))]
[JsonSerializable(typeof(DescribeRegionsRequest))]
[JsonSerializable(typeof(InquiryPriceRunInstancesRequest))]
[JsonSerializable(typeof(RunInstancesRequest))]
[JsonSerializable(typeof(ExportImagesRequest))]
[JsonSerializable(typeof(DescribeImageFromFamilyRequest))]
[JsonSerializable(typeof(WireEnvelope<DescribeImagesResponse>))]
[JsonSerializable(typeof(WireEnvelope<CreateImageResponse>))]
[JsonSerializable(typeof(WireEnvelope<DeleteImagesResponse>))]
[JsonSerializable(typeof(WireEnvelope<ModifyImageAttributeResponse>))]
[JsonSerializable(typeof(WireEnvelope<ModifyImageSharePermissionResponse>))]
[JsonSerializable(typeof(WireEnvelope<DescribeImageSharePermissionResponse>))]
[JsonSerializable(typeof(WireEnvelope<SyncImagesResponse>))]
[JsonSerializable(typeof(WireEnvelope<ImportImageResponse>))]
[JsonSerializable(typeof(WireEnvelope<DescribeImportImageOsResponse>))]
[JsonSerializable(typeof(WireEnvelope<DescribeImageQuotaResponse>))]
[JsonSerializable(typeof(WireEnvelope<DescribeRegionsResponse>))]
[JsonSerializable(typeof(WireEnvelope<InquiryPriceRunInstancesResponse>))]
[JsonSerializable(typeof(WireEnvelope<RunInstancesResponse>))]
[JsonSerializable(typeof(WireEnvelope<WireErrorResponse>))]
internal sealed partial class WireJsonContext : JsonSerializerContext
{
    /// <summary>The context with the options above and a relaxed encoder: <c>`</c>, <c>'</c> and non-ASCII text unescaped.</summary>
    public static WireJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = WireRequestReader.MaxDepth,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>
    /// The context that reads the parameters of a GET request (<see cref="WireQuery"/>), whose values are all text:
    /// numbers are read from strings, booleans by <see cref="QueryBooleanConverter"/>; otherwise as <see cref="Wire"/>.
    /// </summary>
    public static WireJsonContext Query { get; } = new(new JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = WireRequestReader.MaxDepth,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        Converters = { new QueryBooleanConverter() },
    });
}
