namespace ImageRules.Domain;

/// <summary>A region of the provider, where images live and instances are launched.</summary>
/// <remarks>Immutable; value equality. A Chinese-mainland region never charges the Windows licence fee (R31), whatever <see cref="ChargesWindowsLicenceFee"/> says.</remarks>
/// <param name="Id">The region id, such as <c>ap-guangzhou</c>.</param>
/// <param name="DisplayName">The name shown to people, such as <c>South China (Guangzhou)</c>.</param>
/// <param name="IsChineseMainland">True for a region in the Chinese mainland; copying across this border is restricted (R15).</param>
/// <param name="ChargesWindowsLicenceFee">True where launching a public Windows image carries a licence fee (R31); ignored in the mainland.</param>
/// <param name="SupportsCopy">True when images may be copied into or out of this region (R14).</param>
/// <param name="SupportsImport">True when images may be imported into this region (R18).</param>
public sealed record Region(
    RegionId Id,
    string DisplayName,
    bool IsChineseMainland,
    bool ChargesWindowsLicenceFee,
    bool SupportsCopy = true,
    bool SupportsImport = true)
{
    /// <summary>True when launching a public Windows image here carries the licence fee: outside the mainland and flagged (R31).</summary>
    public bool WindowsLicenceFeeApplies => !IsChineseMainland && ChargesWindowsLicenceFee;
}
