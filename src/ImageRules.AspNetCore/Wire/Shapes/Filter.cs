namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>Filter</c>: a key-value filter of a query; filters are ANDed, the values of one filter ORed.</summary>
/// <remarks>Both fields are required by the SDK model. Immutable.</remarks>
internal sealed record Filter
{
    /// <summary>The field to filter on, such as <c>image-type</c>.</summary>
    public string? Name { get; init; }

    /// <summary>The values of the field.</summary>
    public IReadOnlyList<string>? Values { get; init; }
}
