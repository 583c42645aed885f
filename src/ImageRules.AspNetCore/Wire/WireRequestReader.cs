using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ImageRules.AspNetCore.Wire;

/// <summary>
/// Reads the raw JSON body of an action into its typed <see cref="WireRequest"/>, or into the wire error the provider
/// would answer. Never throws, whatever the bytes.
/// </summary>
/// <remarks>
/// In order: the size (<see cref="MaxBodyBytes"/>, <c>RequestSizeLimitExceeded</c>); the action (<c>InvalidAction</c>);
/// the JSON itself, which must be one object nesting at most <see cref="MaxDepth"/> levels (<c>InvalidParameter</c>)
/// and holding at most <see cref="WireLimits.BodyArrayItems"/> array items (<c>InvalidParameterValue.LimitExceeded</c>);
/// the types of the known properties (<c>InvalidParameter</c>); then the request's own rules
/// (<see cref="WireRequest.Validate"/>). Unknown properties are skipped. Stateless and thread-safe.
/// </remarks>
internal static class WireRequestReader
{
    /// <summary>10 MB: the documented cap of a POST signed with TC3-HMAC-SHA256 (API 3.0 "请求结构").</summary>
    public const int MaxBodyBytes = 10 * 1024 * 1024;

    /// <summary>How deep the JSON may nest; the SDKs' deepest request (tags of a launch) nests 5 levels.</summary>
    public const int MaxDepth = 32;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>The request of <paramref name="action"/> in <paramref name="body"/>, or the error to answer.</summary>
    /// <param name="action">The <c>X-TC-Action</c> header, such as <c>DescribeImages</c>; compared ordinally.</param>
    /// <param name="body">The raw body, UTF-8 JSON.</param>
    public static WireReadResult Read(string? action, ReadOnlySpan<byte> body) =>
        body.Length > MaxBodyBytes ? WireReadResult.Failure(WireErrors.TooLarge(body.Length)) : ReadWith(action, body, WireJsonContext.Wire);

    /// <summary>
    /// The request of <paramref name="action"/> in the query string of a GET request, or the error to answer: the
    /// flattened parameters rebuilt by <see cref="WireQuery"/>, then read and validated as a body is, with the same
    /// caps and codes.
    /// </summary>
    /// <param name="action">The <c>X-TC-Action</c> header; compared ordinally.</param>
    /// <param name="query">The query string as sent, without its <c>?</c>.</param>
    public static WireReadResult ReadQuery(string? action, ReadOnlySpan<char> query)
    {
        var json = WireQuery.ToJson(query, out var malformed);
        return json is null ? WireReadResult.Failure(malformed!) : ReadWith(action, json, WireJsonContext.Query);
    }

    private static WireReadResult ReadWith(string? action, ReadOnlySpan<byte> body, WireJsonContext context)
    {
        if (string.IsNullOrEmpty(action))
        {
            return WireReadResult.Failure(WireErrors.MissingAction());
        }

        return action switch
        {
            WireActions.DescribeImages => Parse(body, context.DescribeImagesRequest),
            WireActions.CreateImage => Parse(body, context.CreateImageRequest),
            WireActions.DeleteImages => Parse(body, context.DeleteImagesRequest),
            WireActions.ModifyImageAttribute => Parse(body, context.ModifyImageAttributeRequest),
            WireActions.ModifyImageSharePermission => Parse(body, context.ModifyImageSharePermissionRequest),
            WireActions.DescribeImageSharePermission => Parse(body, context.DescribeImageSharePermissionRequest),
            WireActions.SyncImages => Parse(body, context.SyncImagesRequest),
            WireActions.ImportImage => Parse(body, context.ImportImageRequest),
            WireActions.DescribeImportImageOs => Parse(body, context.DescribeImportImageOsRequest),
            WireActions.DescribeImageQuota => Parse(body, context.DescribeImageQuotaRequest),
            WireActions.DescribeRegions => Parse(body, context.DescribeRegionsRequest),
            WireActions.InquiryPriceRunInstances => Parse(body, context.InquiryPriceRunInstancesRequest),
            WireActions.RunInstances => Parse(body, context.RunInstancesRequest),
            WireActions.ExportImages => Parse(body, context.ExportImagesRequest),
            WireActions.DescribeImageFromFamily => Parse(body, context.DescribeImageFromFamilyRequest),
            _ => WireReadResult.Failure(WireErrors.UnknownAction(action)),
        };
    }

    private static WireReadResult Parse<T>(ReadOnlySpan<byte> body, JsonTypeInfo<T> typeInfo)
        where T : WireRequest
    {
        if (body.StartsWith(Utf8Bom))
        {
            body = body[Utf8Bom.Length..];
        }

        if (CheckShape(body) is { } malformed)
        {
            return WireReadResult.Failure(malformed);
        }

        T? request;
        try
        {
            request = JsonSerializer.Deserialize(body, typeInfo);
        }
        catch (JsonException exception)
        {
            return WireReadResult.Failure(WireErrors.WrongType(exception.Path));
        }

        if (request is null)
        {
            return WireReadResult.Failure(WireErrors.NotAnObject());
        }

        return request.Validate() is { } invalid ? WireReadResult.Failure(invalid) : WireReadResult.Success(request);
    }

    /// <summary>
    /// One JSON object, well formed, nesting at most <see cref="MaxDepth"/> levels, holding at most
    /// <see cref="WireLimits.BodyArrayItems"/> array items in all; else the error. This pass allocates nothing, so a
    /// hostile body costs one scan of its bytes before anything is deserialized.
    /// </summary>
    private static WireError? CheckShape(ReadOnlySpan<byte> body)
    {
        if (body.Trim(" \t\r\n"u8).IsEmpty)
        {
            return WireErrors.EmptyBody();
        }

        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return WireErrors.NotAnObject();
            }

            // Bit d is set while the container at depth d is an array; MaxDepth (32) fits in the 64 bits.
            var arrays = 0UL;
            var items = 0;
            while (reader.Read())
            {
                var depth = reader.CurrentDepth;
                switch (reader.TokenType)
                {
                    case JsonTokenType.EndObject or JsonTokenType.EndArray or JsonTokenType.PropertyName
                        or JsonTokenType.Comment or JsonTokenType.None:
                        continue;
                    case JsonTokenType.StartArray:
                        arrays |= 1UL << depth;
                        break;
                    case JsonTokenType.StartObject:
                        arrays &= ~(1UL << depth);
                        break;
                }

                if ((arrays & (1UL << (depth - 1))) != 0 && ++items > WireLimits.BodyArrayItems)
                {
                    return WireErrors.TooManyItems();
                }
            }

            return null;
        }
        catch (JsonException exception)
        {
            return WireErrors.MalformedJson(exception.LineNumber ?? 0, exception.BytePositionInLine ?? 0);
        }
    }
}
