namespace ImageRules.AspNetCore.Wire;

/// <summary>The checks the requests' <see cref="WireRequest.Validate"/> chain with <c>??</c>: each returns null or the error.</summary>
internal static class WireChecks
{
    /// <summary>A required parameter: absent or null is <c>MissingParameter</c>.</summary>
    public static WireError? Required(object? value, string parameter) =>
        value is null ? WireErrors.Missing(parameter) : null;

    /// <summary>A required array: absent, null or empty is <c>MissingParameter</c>.</summary>
    public static WireError? RequiredList<T>(IReadOnlyList<T>? values, string parameter) =>
        values is null || values.Count == 0 ? WireErrors.Missing(parameter) : null;

    /// <summary>An array must hold no null: the first one is <c>InvalidParameterValue</c>.</summary>
    public static WireError? NoNullItems<T>(IReadOnlyList<T?>? values, string parameter)
        where T : class
    {
        if (values is null)
        {
            return null;
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is null)
            {
                return WireErrors.NullItem(parameter, i);
            }
        }

        return null;
    }

    /// <summary>An array of at most <paramref name="max"/> items, else <paramref name="code"/>.</summary>
    public static WireError? AtMost<T>(IReadOnlyList<T>? values, int max, string parameter, string code = WireErrorCodes.InvalidParameterValueLimitExceeded) =>
        values is not null && values.Count > max ? WireErrors.TooMany(parameter, values.Count, max, code) : null;

    /// <summary>A number in <c>[min, max]</c>, else <c>InvalidParameterValue.Range</c>; absent passes.</summary>
    public static WireError? InRange(long? value, long min, long max, string parameter) =>
        value is { } v && (v < min || v > max)
            ? WireErrors.OutOfRange(parameter, v.ToString(System.Globalization.CultureInfo.InvariantCulture), $"[{min}, {max}]")
            : null;

    /// <summary>A string of a documented set, compared ordinally, else <c>InvalidParameterValue</c>; absent passes.</summary>
    public static WireError? OneOf(string? value, string parameter, params ReadOnlySpan<string> allowed)
    {
        if (value is null)
        {
            return null;
        }

        foreach (var candidate in allowed)
        {
            if (string.Equals(value, candidate, StringComparison.Ordinal))
            {
                return null;
            }
        }

        return WireErrors.NotOneOf(parameter, value, string.Join(", ", allowed.ToArray()));
    }

    /// <summary>Every item of an optional array checked by <paramref name="check"/> with its path <c>Name.N</c>.</summary>
    public static WireError? Each<T>(IReadOnlyList<T?>? values, string parameter, Func<T, string, WireError?> check)
        where T : class
    {
        if (values is null)
        {
            return null;
        }

        for (var i = 0; i < values.Count; i++)
        {
            var error = values[i] is { } item
                ? check(item, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{parameter}.{i}"))
                : WireErrors.NullItem(parameter, i);
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    /// <summary>Tags to bind at creation: each specification needs a resource type and its tags a key and a value.</summary>
    public static WireError? TagSpecifications(IReadOnlyList<TagSpecification>? specifications, string parameter) =>
        Each(specifications, parameter, static (specification, path) => specification.Validate(path));
}
