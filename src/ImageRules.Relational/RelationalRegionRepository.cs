using System.Collections.Immutable;
using System.Data.Common;
using ImageRules.Domain;
using ImageRules.Persistence;

namespace ImageRules.Relational;

/// <summary>Regions in the <c>regions</c> table of a SQL database. Thread-safe.</summary>
public sealed class RelationalRegionRepository : IRegionRepository
{
    private const string Columns = "id, display_name, is_chinese_mainland, charges_windows_licence_fee, supports_copy, supports_import";

    private readonly RelationalDatabase database;

    /// <summary>Makes a repository over <paramref name="database"/>.</summary>
    public RelationalRegionRepository(RelationalDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.database = database;
    }

    /// <inheritdoc/>
    public async ValueTask<Region?> FindAsync(RegionId id, CancellationToken cancellationToken = default)
    {
        var found = await database.QueryAsync($"SELECT {Columns} FROM regions WHERE id = @id", c => c.With("id", id.Value), Read, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc/>
    public async ValueTask<ImmutableArray<Region>> ListAsync(CancellationToken cancellationToken = default)
    {
        var found = await database.QueryAsync($"SELECT {Columns} FROM regions", _ => { }, Read, cancellationToken).ConfigureAwait(false);
        return [.. found.OrderBy(r => r.Id.Value, StringComparer.Ordinal)];
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The display name holds an unpaired surrogate or a NUL character, which the database cannot keep.</exception>
    public ValueTask SaveAsync(Region region, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(region);
        return database.ExecuteAsync(
            $"""
            INSERT INTO regions ({Columns})
            VALUES (@id, @display_name, @is_chinese_mainland, @charges_windows_licence_fee, @supports_copy, @supports_import)
            ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, is_chinese_mainland = excluded.is_chinese_mainland,
                charges_windows_licence_fee = excluded.charges_windows_licence_fee, supports_copy = excluded.supports_copy,
                supports_import = excluded.supports_import
            """,
            c => c.With("id", region.Id.Value)
                .With("display_name", StoredText.Exact(region.DisplayName, "region display name"))
                .With("is_chinese_mainland", region.IsChineseMainland)
                .With("charges_windows_licence_fee", region.ChargesWindowsLicenceFee)
                .With("supports_copy", region.SupportsCopy)
                .With("supports_import", region.SupportsImport),
            cancellationToken);
    }

    private static Region Read(DbDataReader row) => new(
        new RegionId(row.GetString(0)),
        row.GetString(1),
        row.GetBoolean(2),
        row.GetBoolean(3),
        row.GetBoolean(4),
        row.GetBoolean(5));
}
