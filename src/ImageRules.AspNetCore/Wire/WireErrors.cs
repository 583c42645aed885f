using System.Globalization;

namespace ImageRules.AspNetCore.Wire;

/// <summary>The wire errors, each with its code and message built in one place.</summary>
internal static class WireErrors
{
    public static WireError TooLarge(int size) => new(
        WireErrorCodes.RequestSizeLimitExceeded,
        Invariant($"the request body has {size} bytes, at most {WireRequestReader.MaxBodyBytes} are allowed"));

    public static WireError QueryTooLarge(int length) => new(
        WireErrorCodes.RequestSizeLimitExceeded,
        Invariant($"the query string has {length} characters, at most {WireQuery.MaxQueryBytes} are allowed in a GET request"));

    public static WireError MalformedQuery(string problem) => new(WireErrorCodes.InvalidParameter, $"the query string is malformed: {problem}");

    public static WireError UnsupportedMethod(string method) =>
        new(WireErrorCodes.UnsupportedProtocol, $"method `{Shorten(method)}` is not supported: only GET and POST are");

    public static WireError FormPost(string contentType) => new(
        WireErrorCodes.UnsupportedOperation,
        $"a POST of `{Shorten(contentType)}` is not served: the provider takes forms with signature v1 (HmacSHA1, HmacSHA256), which this service does not emulate; post application/json or use GET, signed with TC3-HMAC-SHA256");

    public static WireError MissingAction() => new(WireErrorCodes.MissingParameter, "the `Action` parameter is missing");

    public static WireError UnknownAction(string action) =>
        new(WireErrorCodes.InvalidAction, $"the action `{Shorten(action)}` does not exist in version {WireActions.Version}");

    public static WireError EmptyBody() => new(WireErrorCodes.InvalidParameter, "the request body is empty");

    public static WireError NotAnObject() => new(WireErrorCodes.InvalidParameter, "the request body is not a json object");

    public static WireError MalformedJson(long line, long bytePosition) => new(
        WireErrorCodes.InvalidParameter,
        Invariant($"the request body is not valid json (line {line + 1}, byte {bytePosition + 1}) or nests deeper than {WireRequestReader.MaxDepth} levels"));

    public static WireError TooManyItems() => new(
        WireErrorCodes.InvalidParameterValueLimitExceeded,
        Invariant($"the request body holds more than {WireLimits.BodyArrayItems} array values"));

    public static WireError WrongType(string? path) =>
        new(WireErrorCodes.InvalidParameter, $"the value at `{ToParameterPath(path)}` has the wrong type");

    public static WireError Missing(string parameter) =>
        new(WireErrorCodes.MissingParameter, $"the parameter `{parameter}` is missing");

    public static WireError NullItem(string parameter, int index) =>
        new(WireErrorCodes.InvalidParameterValue, Invariant($"`{parameter}.{index}` is null"));

    public static WireError TooMany(string parameter, int count, int max, string code) =>
        new(code, Invariant($"`{parameter}` has {count} values, at most {max} are allowed"));

    public static WireError OutOfRange(string parameter, string value, string range) =>
        new(WireErrorCodes.InvalidParameterValueRange, $"`{parameter}` is `{value}`, it must lie in {range}");

    public static WireError NotOneOf(string parameter, string value, string allowed) =>
        new(WireErrorCodes.InvalidParameterValue, $"`{parameter}` is `{Shorten(value)}`, it must be one of {allowed}");

    public static WireError Coexist(string first, string second, string code) =>
        new(code, $"`{first}` and `{second}` cannot be specified together");

    public static WireError SpecifyOne(string first, string second) => new(
        WireErrorCodes.InvalidParameterSpecifyOneParameter, $"one of `{first}` and `{second}` must be specified");

    public static WireError UnknownFilter(string parameter, string name, string action) =>
        new(WireErrorCodes.InvalidFilter, $"`{parameter}` is `{Shorten(name)}`, not a filter of {action}");

    public static WireError ZoneMismatch(string zone, string region) => new(
        WireErrorCodes.InvalidZoneMismatchRegion,
        $"zone `{Shorten(zone)}` does not exist in region `{region}`: zones are named after their region, such as `{region}-3`");

    public static WireError ClientTokenTooLong(int length) => new(
        WireErrorCodes.InvalidClientTokenTooLong,
        Invariant($"`ClientToken` has {length} characters, at most {WireLimits.ClientTokenLength} are allowed"));

    /// <summary><c>$.Filters[0].Values</c> (System.Text.Json) as the SDK names it: <c>Filters.0.Values</c>.</summary>
    private static string ToParameterPath(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return "$";
        }

        var path = jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
        return path.Replace("[", ".", StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal);
    }

    /// <summary>User input echoed in a message, cut to 64 characters so a message stays one short line.</summary>
    public static string Shorten(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "…");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
