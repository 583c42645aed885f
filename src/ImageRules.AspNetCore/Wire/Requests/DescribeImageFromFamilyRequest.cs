namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>DescribeImageFromFamilyRequest</c>: the image to use of a family.</summary>
/// <remarks>Read so that the action can be answered <c>UnsupportedOperation</c>; every field is optional.</remarks>
internal sealed record DescribeImageFromFamilyRequest : WireRequest
{
    /// <summary>The image family.</summary>
    public string? ImageFamily { get; init; }

    /// <inheritdoc />
    public override WireError? Validate() => null;
}
