using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>The owner already has a custom image of this name in the region; names compare after NFC normalisation (R12, R36).</summary>
/// <remarks>Code <c>InvalidImageName.Duplicate</c>; rules R12, R36.</remarks>
public sealed class ImageNameDuplicate : Failure
{
    /// <summary>Makes the failure.</summary>
    /// <param name="name">The name, normalised.</param>
    /// <param name="region">The region.</param>
    public ImageNameDuplicate(string name, RegionId region)
        : base("InvalidImageName.Duplicate")
    {
        Name = name;
        Region = region;
    }

    /// <summary>The name, normalised.</summary>
    public string Name { get; }

    /// <summary>The region.</summary>
    public RegionId Region { get; }

    private protected override object? Fields => (Name, Region);

    private protected override string Describe() => $"an image named {IdSyntax.Quote(Name)} already exists in region `{Region}`";
}
