namespace ImageRules.Samples.ImageApi.Wire;

/// <summary>One of <c>DescribeImages</c>' <c>Filters</c>: a name such as <c>image-type</c> and the values to match.</summary>
/// <param name="Name">The filter's name.</param>
/// <param name="Values">The values; this sample reads one.</param>
public sealed record ApiFilter(string? Name, IReadOnlyList<string>? Values);
