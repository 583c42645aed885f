using System.Text.Json.Serialization;

namespace ImageRules.Samples.ImageApi.Wire;

/// <summary>
/// Source-generated JSON for every type on the wire: no reflection, so the API can be trimmed or compiled ahead of time.
/// Names stay as declared (the provider's PascalCase); input names are matched without regard to case.
/// </summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(DescribeImagesRequest))]
[JsonSerializable(typeof(ModifyImageSharePermissionRequest))]
[JsonSerializable(typeof(DeleteImagesRequest))]
[JsonSerializable(typeof(CreateImageRequest))]
[JsonSerializable(typeof(SyncImagesRequest))]
[JsonSerializable(typeof(ApiResponse<DescribeImagesResponse>))]
[JsonSerializable(typeof(ApiResponse<CreateImageResponse>))]
[JsonSerializable(typeof(ApiResponse<SyncImagesResponse>))]
[JsonSerializable(typeof(ApiResponse<AcknowledgedResponse>))]
[JsonSerializable(typeof(ApiResponse<ErrorResponse>))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
