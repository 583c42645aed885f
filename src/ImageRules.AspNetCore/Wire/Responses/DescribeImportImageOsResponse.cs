namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>DescribeImportImageOsResponse</c>: the operating systems ImportImage accepts.</summary>
internal sealed record DescribeImportImageOsResponse : WireResponse
{
    /// <summary>The systems by family.</summary>
    public ImageOsList ImportImageOsListSupported { get; init; } = new();

    /// <summary>The systems with their versions and architectures.</summary>
    public IReadOnlyList<OsVersion> ImportImageOsVersionSet { get; init; } = [];
}
