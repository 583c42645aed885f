using ImageRules.Domain;

namespace ImageRules.Policy;

/// <summary>A price list with one price per unit in every region.</summary>
/// <param name="SnapshotStoragePerGiBMonth">The monthly snapshot-storage price per GiB (R17).</param>
/// <param name="WindowsLicencePerHour">The hourly Windows licence fee where it applies (R31).</param>
/// <param name="Currency">The currency of both prices.</param>
public sealed record FlatPriceList(decimal SnapshotStoragePerGiBMonth, decimal WindowsLicencePerHour, string Currency = "USD") : IPriceList
{
    /// <summary>Illustrative prices (USD 0.05 per GiB-month, USD 0.04 per hour); a deployment supplies its own.</summary>
    public static FlatPriceList Default { get; } = new(0.05m, 0.04m);

    /// <inheritdoc/>
    public Money QuoteImageCreation(Region region, int sizeGiB) => new(SnapshotStoragePerGiBMonth * sizeGiB, Currency);

    /// <inheritdoc/>
    public Money WindowsLicenceFeePerHour(Region region) => new(WindowsLicencePerHour, Currency);
}
