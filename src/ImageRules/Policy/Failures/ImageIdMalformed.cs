using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>The text is not an image id (<c>img-</c> and 8 lowercase letters or digits); refused before any lookup (R7).</summary>
/// <remarks>Code <c>InvalidImageId.Malformed</c>; rules R7.</remarks>
public sealed class ImageIdMalformed : Failure
{
    /// <summary>Makes the failure.</summary>
    /// <param name="text">The text given.</param>
    public ImageIdMalformed(string? text)
        : base("InvalidImageId.Malformed")
    {
        Text = text;
    }

    /// <summary>The text given.</summary>
    public string? Text { get; }

    private protected override object? Fields => Text;

    private protected override string Describe() => $"image id {IdSyntax.Quote(Text)} is malformed: expected `img-` and 8 lowercase letters or digits";
}
