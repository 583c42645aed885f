using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>No such region; a malformed region id is answered the same way (R7).</summary>
/// <remarks>Code <c>InvalidRegion.NotFound</c>; rules R7, R14.</remarks>
public sealed class RegionNotFound : Failure
{
    /// <summary>Makes the failure.</summary>
    /// <param name="regionId">The region id given.</param>
    public RegionNotFound(string? regionId)
        : base("InvalidRegion.NotFound")
    {
        RegionId = regionId;
    }

    /// <summary>The region id given.</summary>
    public string? RegionId { get; }

    private protected override object? Fields => RegionId;

    private protected override string Describe() => $"region {IdSyntax.Quote(RegionId)} not found";
}
