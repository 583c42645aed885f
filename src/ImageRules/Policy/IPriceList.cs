using ImageRules.Domain;

namespace ImageRules.Policy;

/// <summary>
/// The deployment's prices. Implementations must be pure (same answer for the same input, no I/O), because the
/// policy that asks them is.
/// </summary>
public interface IPriceList
{
    /// <summary>The currency of every amount this price list gives.</summary>
    string Currency { get; }

    /// <summary>The monthly snapshot-storage cost of a new image of <paramref name="sizeGiB"/> GiB in <paramref name="region"/>, quoted when it is created (R17).</summary>
    Money QuoteImageCreation(Region region, int sizeGiB);

    /// <summary>The hourly licence fee of a public Windows image in <paramref name="region"/>; asked only where the fee applies (R31).</summary>
    Money WindowsLicenceFeePerHour(Region region);
}
