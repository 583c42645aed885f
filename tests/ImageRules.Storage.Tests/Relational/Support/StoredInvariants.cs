using System.Text;
using ImageRules.Policy;

namespace ImageRules.Storage.Tests.Support;

/// <summary>
/// The rules' invariants, checked on the database's rows directly with plain SQL (not through the store), after
/// racing or crashing writers, in SQL both engines accept: no catalogue over the quota (R11), no image over the share
/// limit (R21), no grant on a missing image (R16) or outside its image's catalogue (R22), no grant to an account the
/// rules refuse (R22, R23), names stored in NFC and unique per catalogue once normalised (R12, R36), and no catalogue
/// whose version is behind its writes.
/// </summary>
public static class StoredInvariants
{
    public static async Task AssertHoldAsync(TestDatabase database, ImagePolicy policy)
    {
        await AssertNoneAsync(database, "catalogues over the quota (R11)",
            $"SELECT COUNT(*) FROM (SELECT owner, region FROM images WHERE owner <> '' GROUP BY owner, region HAVING COUNT(*) > {policy.MaxCustomImagesPerRegion}) over_quota");
        await AssertNoneAsync(database, "images over the share limit (R21)",
            $"SELECT COUNT(*) FROM (SELECT image_id FROM grants GROUP BY image_id HAVING COUNT(*) > {policy.MaxShareRecipientsPerImage}) over_limit");
        await AssertNoneAsync(database, "grants of a missing image (R16)", "SELECT COUNT(*) FROM grants g WHERE NOT EXISTS (SELECT 1 FROM images i WHERE i.id = g.image_id)");
        await AssertNoneAsync(database, "grants outside their image's owner or region (R22)",
            "SELECT COUNT(*) FROM grants g JOIN images i ON i.id = g.image_id WHERE g.owner <> i.owner OR g.region <> i.region");
        await AssertNoneAsync(database, "grants to the owner, a collaborator, an unknown account or one of another home region (R22, R23)", """
            SELECT COUNT(*) FROM grants g
            JOIN images i ON i.id = g.image_id
            LEFT JOIN accounts o ON o.id = i.owner
            LEFT JOIN accounts r ON r.id = g.recipient
            WHERE g.recipient = i.owner OR o.id IS NULL OR r.id IS NULL OR r.kind <> 'Root' OR r.home_region <> o.home_region
            """);
        await AssertNoneAsync(database, "images outside any catalogue",
            "SELECT COUNT(*) FROM images i WHERE NOT EXISTS (SELECT 1 FROM catalogues c WHERE c.owner = i.owner AND c.region = i.region)");
        await AssertNoneAsync(database, "catalogues whose version is behind their images",
            "SELECT COUNT(*) FROM catalogues c WHERE c.version < (SELECT COUNT(*) FROM images i WHERE i.owner = c.owner AND i.region = c.region)");
        await AssertNamesAsync(database);
    }

    /// <summary>
    /// No image is <c>Creating</c>, <c>Importing</c> or <c>Syncing</c> (R37), or, with <paramref name="madeSince"/>,
    /// none made since then: those a completion should have reached within the transition timeout.
    /// </summary>
    public static Task AssertNoneInProgressAsync(TestDatabase database, DateTimeOffset? madeSince = null) =>
        AssertNoneAsync(database, madeSince is null ? "images in progress (R37)" : $"images in progress made since {madeSince:O} (R37)",
            "SELECT COUNT(*) FROM images WHERE state IN ('Creating', 'Importing', 'Syncing')"
            + (madeSince is { } since ? $" AND created_utc_ticks >= {since.UtcTicks}" : string.Empty));

    /// <summary>Names stored in NFC, and unique per owner and region once normalised (R12, R36); normalised here, as SQLite has no NFC.</summary>
    private static async Task AssertNamesAsync(TestDatabase database)
    {
        var names = await StoredRows.ReadAsync(database, "SELECT owner, region, name FROM images WHERE owner <> ''");
        var notNfc = names.Where(r => !r[2]!.IsNormalized(NormalizationForm.FormC)).Select(r => r[2]).ToArray();
        Assert.True(notNfc.Length == 0, $"{TestDatabase.Engine}: {notNfc.Length} names not stored in NFC (R36): {string.Join(", ", notNfc)}");
        var taken = names.GroupBy(r => (Owner: r[0], Region: r[1], Name: r[2]!.Normalize(NormalizationForm.FormC))).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        Assert.True(taken.Length == 0, $"{TestDatabase.Engine}: {taken.Length} names taken twice in one catalogue once normalised (R12, R36): {string.Join(", ", taken)}");
    }

    private static async Task AssertNoneAsync(TestDatabase database, string what, string sql)
    {
        var found = await database.ScalarAsync(sql);
        Assert.True(found == 0, $"{TestDatabase.Engine}: {found} {what}");
    }
}
