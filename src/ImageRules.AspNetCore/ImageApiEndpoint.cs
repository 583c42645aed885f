using System.Buffers;
using System.Diagnostics;
using Ardalis.GuardClauses;
using ImageRules.AspNetCore.Authentication;
using ImageRules.AspNetCore.Wire;
using ImageRules.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ImageRules.AspNetCore;

/// <summary>
/// Answers <c>POST /</c> and <c>GET /</c> as the provider's API 3.0 does: the raw body read once (at most
/// <see cref="WireRequestReader.MaxBodyBytes"/>), the TC3-HMAC-SHA256 signature checked over those bytes and the query
/// string as sent, the <c>X-TC-Version</c> checked, the action's parameters — the JSON body of a POST, the flattened
/// query string of a GET (<see cref="WireQuery"/>) — read into its wire request, the action decided by the library,
/// and every answer — success, refusal or fault — written as HTTP 200 in the <c>Response</c> envelope. Never a bare
/// 500, nor a bare 405: another method is <c>UnsupportedProtocol</c>.
/// </summary>
/// <remarks>Thread-safe, as <see cref="Application.ImageService"/> is. One log line per request: action, account, region, code, milliseconds.</remarks>
internal sealed partial class ImageApiEndpoint(Tc3Authenticator authenticator, ImageApiActions actions, ILogger<ImageApiEndpoint> logger)
{
    private const string JsonContentType = "application/json; charset=utf-8";

    public async Task HandleAsync(HttpContext context)
    {
        Guard.Against.Null(context);
        var started = Stopwatch.GetTimestamp();
        var requestId = Guid.NewGuid().ToString();
        var request = context.Request;
        var action = Single(request.Headers, "X-TC-Action");
        var region = Single(request.Headers, "X-TC-Region");
        var account = "-";
        WireAnswer answer;
        byte[]? rented = null;
        try
        {
            var isGet = HttpMethods.IsGet(request.Method);
            var unsupported = ProtocolError(request, isGet);
            int length = 0;
            if (unsupported is null)
            {
                (rented, length) = await ReadBodyAsync(request, context.RequestAborted).ConfigureAwait(false);
            }

            if (unsupported is not null)
            {
                answer = Error(unsupported, requestId);
            }
            else if (length < 0)
            {
                answer = Error(new WireError(WireErrorCodes.RequestSizeLimitExceeded, $"the request body is larger than {WireRequestReader.MaxBodyBytes} bytes"), requestId);
            }
            else if (!authenticator.Authenticate(request, rented.AsSpan(0, length)).TryGetCaller(out var caller, out var refused))
            {
                answer = Error(new WireError(refused.Code, refused.Message), requestId);
            }
            else
            {
                account = caller.Account.Value;
                var query = isGet && request.QueryString.Value is { Length: > 1 } text ? text[1..] : string.Empty;
                answer = await AnswerAsync(new ApiCall(caller.Account, region, requestId), action, Single(request.Headers, "X-TC-Version"), isGet ? query : null, rented.AsMemory(0, length), context.RequestAborted).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            LogFault(logger, action, requestId, exception);
            answer = Error(new WireError(WireErrorCodes.InternalError, $"an internal error occurred; quote request id {requestId}"), requestId);
        }
        finally
        {
            // Everything read from the body has been copied out by now (the wire request holds strings, not spans).
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }

        var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        LogRequest(logger, action, account, region, answer.Code, milliseconds);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = JsonContentType;
        answer.WriteTo(response.BodyWriter);
        await response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// Why the request cannot be served whatever its signature: a method other than GET and POST
    /// (<c>UnsupportedProtocol</c>), or a POST of a form, which the provider takes with signature v1 only and this
    /// service does not emulate (<c>UnsupportedOperation</c>); null when it can.
    /// </summary>
    private static WireError? ProtocolError(HttpRequest request, bool isGet) =>
        !isGet && !HttpMethods.IsPost(request.Method) ? WireErrors.UnsupportedMethod(request.Method)
        : !isGet && IsForm(request.ContentType) ? WireErrors.FormPost(request.ContentType!)
        : null;

    private static bool IsForm(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase));

    /// <summary>The action's answer; its parameters are in <paramref name="query"/> for a GET (non-null), else in <paramref name="body"/>.</summary>
    private ValueTask<WireAnswer> AnswerAsync(ApiCall call, string action, string version, string? query, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        if (version.Length == 0)
        {
            return ValueTask.FromResult(Error(new WireError(WireErrorCodes.MissingParameter, "the `X-TC-Version` header is missing"), call.RequestId));
        }

        if (!string.Equals(version, WireActions.Version, StringComparison.Ordinal))
        {
            return ValueTask.FromResult(Error(new WireError("NoSuchVersion", $"version `{Shorten(version)}` does not exist: this API answers {WireActions.Version}"), call.RequestId));
        }

        var read = query is null ? WireRequestReader.Read(action, body.Span) : WireRequestReader.ReadQuery(action, query);
        return read.IsSuccess ? actions.AnswerAsync(call, read.Request, cancellationToken) : ValueTask.FromResult(Error(read.Error, call.RequestId));
    }

    /// <summary>
    /// The body's bytes, read into an array rented from the shared pool (return it), and their length; the length is
    /// -1 when the body is larger than the provider accepts.
    /// </summary>
    private static async ValueTask<(byte[]? Buffer, int Length)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > WireRequestReader.MaxBodyBytes)
        {
            return (null, -1);
        }

        // One byte more than the declared length, so that a body longer than declared is read to its end.
        var buffer = ArrayPool<byte>.Shared.Rent(request.ContentLength is >= 0 and var declared ? (int)declared + 1 : 4096);
        var length = 0;
        var stream = request.Body;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return (buffer, length);
                }

                length += read;
                if (length > WireRequestReader.MaxBodyBytes)
                {
                    return (buffer, -1);
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>A header sent once; empty when absent or sent more than once (an ambiguous call is not guessed at).</summary>
    private static string Single(IHeaderDictionary headers, string name) =>
        headers.TryGetValue(name, out var values) && values.Count == 1 ? values[0] ?? string.Empty : string.Empty;

    internal static WireAnswer Error(WireError error, string requestId) => WireResponseWriter.Failure(error, requestId);

    private static string Shorten(string text) => text.Length <= 32 ? text : string.Concat(text.AsSpan(0, 32), "…");

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "{Action} account={Account} region={Region} code={Code} {Milliseconds:0.0} ms")]
    private static partial void LogRequest(ILogger logger, string action, string account, string region, string code, double milliseconds);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "{Action} failed unexpectedly (request {RequestId}); answered InternalError")]
    private static partial void LogFault(ILogger logger, string action, string requestId, Exception exception);
}
