using System.Data.Common;
using ImageRules.Domain;

namespace ImageRules.Relational;

/// <summary>How a <see cref="Region"/> is written to and read from a row of the <c>regions</c> table.</summary>
internal static class RegionRows
{
    /// <summary>The columns, in the order <see cref="Read"/> expects.</summary>
    public const string Names = "id, display_name, is_chinese_mainland, charges_windows_licence_fee, supports_copy, supports_import";

    /// <summary>Adds the region, or replaces the one with its id.</summary>
    public const string Upsert =
        $"""
        INSERT INTO regions ({Names})
        VALUES (@id, @display_name, @is_chinese_mainland, @charges_windows_licence_fee, @supports_copy, @supports_import)
        ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, is_chinese_mainland = excluded.is_chinese_mainland,
            charges_windows_licence_fee = excluded.charges_windows_licence_fee, supports_copy = excluded.supports_copy,
            supports_import = excluded.supports_import
        """;

    /// <summary>Binds every column of <paramref name="region"/> to <see cref="Upsert"/>.</summary>
    /// <exception cref="ArgumentException">The display name holds text the database cannot keep exactly (see <see cref="StoredText"/>).</exception>
    public static DbCommand WithRegion(this DbCommand command, Region region) => command
        .With("id", region.Id.Value)
        .With("display_name", StoredText.Exact(region.DisplayName, "region display name"))
        .With("is_chinese_mainland", region.IsChineseMainland)
        .With("charges_windows_licence_fee", region.ChargesWindowsLicenceFee)
        .With("supports_copy", region.SupportsCopy)
        .With("supports_import", region.SupportsImport);

    /// <summary>Reads the region whose <see cref="Names"/> start at column 0.</summary>
    public static Region Read(DbDataReader row) => new(
        new RegionId(row.GetString(0)),
        row.GetString(1),
        row.GetBoolean(2),
        row.GetBoolean(3),
        row.GetBoolean(4),
        row.GetBoolean(5));
}
