using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Samples.ImageApi.Wire;
using OneOf;

namespace ImageRules.Samples.ImageApi;

/// <summary>
/// Answers <c>POST /</c> as the provider's image API does: the action in the <c>X-TC-Action</c> header, the region in
/// <c>X-TC-Region</c>, the action's input as a JSON body, and every answer, success or error, in HTTP 200 as
/// <c>{"Response": {..., "RequestId": "..."}}</c>; an error as <c>{"Response": {"Error": {"Code", "Message"}, "RequestId"}}</c>.
/// </summary>
/// <remarks>
/// Where the provider checks a signature, this sample takes the caller's account id from the <c>X-Account-Id</c>
/// header: never do that outside a sample. Every refusal of the rules reaches the caller with the provider's code the
/// library gave it; the API adds only the provider's common codes for requests it cannot read (<c>MissingParameter</c>,
/// <c>InvalidParameter</c>, <c>InvalidParameterValue</c>, <c>InvalidFilter</c>, <c>InvalidAction</c>,
/// <c>AuthFailure.InvalidAuthorization</c>). Thread-safe, as <see cref="ImageService"/> is.
/// </remarks>
public sealed partial class ImageApiEndpoint
{
    /// <summary>The header naming the action, as the provider's.</summary>
    public const string ActionHeader = "X-TC-Action";

    /// <summary>The header naming the region, as the provider's.</summary>
    public const string RegionHeader = "X-TC-Region";

    /// <summary>The sample's stand-in for a signature: the caller's account id.</summary>
    public const string AccountHeader = "X-Account-Id";

    private static readonly ApiJsonContext Json = ApiJsonContext.Default;

    private readonly ImageService images;
    private readonly FrozenDictionary<string, Func<ApiCall, HttpRequest, CancellationToken, Task<IResult>>> actions;

    /// <summary>Makes the endpoint over the library's service.</summary>
    public ImageApiEndpoint(ImageService images)
    {
        this.images = images ?? throw new ArgumentNullException(nameof(images));
        actions = new Dictionary<string, Func<ApiCall, HttpRequest, CancellationToken, Task<IResult>>>
        {
            ["DescribeImages"] = async (call, request, ct) => Answer(await DescribeImagesAsync(call, request, ct), Json.ApiResponseDescribeImagesResponse, call),
            ["ModifyImageSharePermission"] = async (call, request, ct) => Answer(await ModifyImageSharePermissionAsync(call, request, ct), Json.ApiResponseAcknowledgedResponse, call),
            ["DeleteImages"] = async (call, request, ct) => Answer(await DeleteImagesAsync(call, request, ct), Json.ApiResponseAcknowledgedResponse, call),
            ["CreateImage"] = async (call, request, ct) => Answer(await CreateImageAsync(call, request, ct), Json.ApiResponseCreateImageResponse, call),
            ["SyncImages"] = async (call, request, ct) => Answer(await SyncImagesAsync(call, request, ct), Json.ApiResponseSyncImagesResponse, call),
        }.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Answers one call.</summary>
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var requestId = Guid.NewGuid().ToString();
        if (!ReadCall(request.Headers, requestId).TryPickT0(out var call, out var unreadable))
        {
            return Error(unreadable, requestId);
        }

        if (!actions.TryGetValue(call.Action, out var answer))
        {
            return Error(new ApiError("InvalidAction", $"action `{call.Action}` does not exist: this API answers {string.Join(", ", actions.Keys.Order())}"), requestId);
        }

        return await answer(call, request, cancellationToken);
    }

    /// <summary>Who calls which action where: every header present and well formed (R7), else the error to answer.</summary>
    private static OneOf<ApiCall, ApiError> ReadCall(IHeaderDictionary headers, string requestId)
    {
        var action = headers[ActionHeader].ToString();
        var account = headers[AccountHeader].ToString();
        var region = headers[RegionHeader].ToString();
        if (action.Length == 0 || region.Length == 0)
        {
            return ApiError.MissingParameter(action.Length == 0 ? ActionHeader : RegionHeader);
        }

        if (account.Length == 0)
        {
            return new ApiError("AuthFailure.InvalidAuthorization", $"the `{AccountHeader}` header is missing: this sample takes the caller from it");
        }

        return Result.All(Ids.Account(account), Ids.Region(region)).Match<OneOf<ApiCall, ApiError>>(
            ids => new ApiCall(action, ids.First, ids.Second, requestId),
            failure => ApiError.From(failure));
    }

    /// <summary>The body as the action's input; an empty body is an empty input.</summary>
    private static async Task<OneOf<T, ApiError>> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        try
        {
            var input = JsonSerializer.Deserialize(body.Length == 0 ? "{}"u8 : body.GetBuffer().AsSpan(0, (int)body.Length), type);
            return input is null ? ApiError.InvalidParameter("the body is `null`: send a JSON object") : input;
        }
        catch (JsonException e)
        {
            return ApiError.InvalidParameter($"the body is not this action's input: `{e.Path ?? "$"}` is malformed or of the wrong type");
        }
    }

    /// <summary>A user-given id, read by the library (<see cref="Ids"/>): a malformed one is the library's own failure (R7).</summary>
    private static OneOf<T, ApiError> Parse<T>(string? text, Func<string?, Result<T>> parse) =>
        parse(text).Match<OneOf<T, ApiError>>(value => value, failure => ApiError.From(failure));

    /// <summary>A required list of ids, each parsed: missing or empty is <c>MissingParameter</c>, the first malformed id its failure.</summary>
    private static OneOf<ImmutableArray<T>, ApiError> ParseAll<T>(IReadOnlyList<string>? texts, Func<string?, Result<T>> parse, string parameter)
    {
        if (texts is not { Count: > 0 })
        {
            return ApiError.MissingParameter(parameter);
        }

        var values = ImmutableArray.CreateBuilder<T>(texts.Count);
        foreach (var text in texts)
        {
            if (!Parse(text, parse).TryPickT0(out var value, out var malformed))
            {
                return malformed;
            }

            values.Add(value);
        }

        return values.MoveToImmutable();
    }

    private static IResult Answer<T>(OneOf<T, ApiError> outcome, JsonTypeInfo<ApiResponse<T>> type, ApiCall call) =>
        outcome.Match(output => Results.Json(new ApiResponse<T>(output), type), error => Error(error, call.RequestId));

    private static IResult Error(ApiError error, string requestId) =>
        Results.Json(new ApiResponse<ErrorResponse>(new ErrorResponse(error, requestId)), Json.ApiResponseErrorResponse);
}
