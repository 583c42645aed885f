using System.Collections.Immutable;
using System.Data.Common;

namespace ImageRules.Relational;

/// <summary>
/// The tables, as numbered migrations that both engines accept as written. The whole upgrade runs in one transaction
/// that only one process holds at a time, and each migration runs once, when the recorded version is below it (the
/// first one's statements are also harmless to repeat, <c>IF NOT EXISTS</c>).
/// </summary>
/// <remarks>
/// <para>The public images of a region form the catalogue whose owner is <see cref="PublicOwner"/> (the empty text, which
/// no account id is), so keys never hold NULL and primary keys compare as written.</para>
/// <para>Indexes make each query cost in proportion to its answer: <c>images (owner, region, created desc, id)</c> for
/// a catalogue and the viewer's own and public images, <c>grants (recipient, region, image created desc, image id)</c>
/// for the grants an account holds, both in a listing's order so that a page reads only the rows up to it, and the
/// grants' primary key <c>(image_id, recipient)</c> for an image's grants. A grant carries its image's creation
/// instant for that order (an image's creation time never changes, see <see cref="Storage.CatalogueChange.Updated"/>).</para>
/// <para>Counters, kept in each commit's transaction, give a listing's total without counting: <c>catalogues.image_count</c>
/// (a catalogue's images) and <c>held_grants (recipient, region, grant_count)</c> (the grants an account holds in a
/// region, leaving out any to the image's own owner, which lists its image as its own).</para>
/// <para>The <c>outbox</c> keeps each change's event (<see cref="Storage.CatalogueChange.Event"/>), written in the
/// change's transaction, as JSON with its type's name (see <see cref="EventRows"/>), until it is delivered and its row
/// deleted; <c>(occurred, id)</c> orders the pending ones oldest first.</para>
/// <para>Instants are stored as UTC ticks plus the offset in minutes, so they order correctly and read back exactly.
/// Enumerations are stored by name, so reordering an enumeration never changes stored data.</para>
/// </remarks>
internal static class Schema
{
    /// <summary>The owner column of a public image and of a public catalogue.</summary>
    public const string PublicOwner = "";

    private const string ReadVersion = "SELECT version FROM schema_version WHERE id = 1";

    private static readonly ImmutableArray<ImmutableArray<string>> Migrations =
    [
        [
            """
            CREATE TABLE IF NOT EXISTS catalogues (
                owner TEXT NOT NULL,
                region TEXT NOT NULL,
                version BIGINT NOT NULL,
                PRIMARY KEY (owner, region))
            """,
            """
            CREATE TABLE IF NOT EXISTS images (
                id TEXT NOT NULL PRIMARY KEY,
                owner TEXT NOT NULL,
                region TEXT NOT NULL,
                name TEXT NOT NULL,
                description TEXT NOT NULL,
                os_family TEXT NOT NULL,
                os_platform TEXT NOT NULL,
                os_name TEXT NOT NULL,
                architecture TEXT NOT NULL,
                size_gib INTEGER NOT NULL,
                state TEXT NOT NULL,
                source TEXT NOT NULL,
                source_instance TEXT NULL,
                copied_from TEXT NULL,
                created_utc_ticks BIGINT NOT NULL,
                created_offset_minutes INTEGER NOT NULL,
                FOREIGN KEY (owner, region) REFERENCES catalogues (owner, region))
            """,
            "CREATE INDEX IF NOT EXISTS images_by_catalogue ON images (owner, region)",
            """
            CREATE TABLE IF NOT EXISTS grants (
                image_id TEXT NOT NULL REFERENCES images (id),
                recipient TEXT NOT NULL,
                owner TEXT NOT NULL,
                region TEXT NOT NULL,
                granted_utc_ticks BIGINT NOT NULL,
                granted_offset_minutes INTEGER NOT NULL,
                PRIMARY KEY (image_id, recipient))
            """,
            "CREATE INDEX IF NOT EXISTS grants_held ON grants (recipient, region)",
            """
            CREATE TABLE IF NOT EXISTS accounts (
                id TEXT NOT NULL PRIMARY KEY,
                home_region TEXT NOT NULL,
                kind TEXT NOT NULL)
            """,
            """
            CREATE TABLE IF NOT EXISTS regions (
                id TEXT NOT NULL PRIMARY KEY,
                display_name TEXT NOT NULL,
                is_chinese_mainland BOOLEAN NOT NULL,
                charges_windows_licence_fee BOOLEAN NOT NULL,
                supports_copy BOOLEAN NOT NULL,
                supports_import BOOLEAN NOT NULL)
            """,
        ],
        [
            // Version 2, paging in the store: listing order in the indexes, counters for the totals, existing rows backfilled.
            "ALTER TABLE catalogues ADD COLUMN image_count BIGINT NOT NULL DEFAULT 0",
            "UPDATE catalogues SET image_count = (SELECT COUNT(*) FROM images i WHERE i.owner = catalogues.owner AND i.region = catalogues.region)",
            "ALTER TABLE grants ADD COLUMN image_created_utc_ticks BIGINT NOT NULL DEFAULT 0",
            "UPDATE grants SET image_created_utc_ticks = (SELECT i.created_utc_ticks FROM images i WHERE i.id = grants.image_id)",
            """
            CREATE TABLE held_grants (
                recipient TEXT NOT NULL,
                region TEXT NOT NULL,
                grant_count BIGINT NOT NULL,
                PRIMARY KEY (recipient, region))
            """,
            """
            INSERT INTO held_grants (recipient, region, grant_count)
            SELECT g.recipient, g.region, COUNT(*) FROM grants g JOIN images i ON i.id = g.image_id
            WHERE i.region = g.region AND i.owner = g.owner AND g.recipient <> i.owner
            GROUP BY g.recipient, g.region
            """,
            "DROP INDEX IF EXISTS images_by_catalogue",
            "CREATE INDEX images_newest_first ON images (owner, region, created_utc_ticks DESC, id)",
            "DROP INDEX IF EXISTS grants_held",
            "CREATE INDEX grants_held_newest_first ON grants (recipient, region, image_created_utc_ticks DESC, image_id)",
        ],
        [
            // Version 3, events never lost: each change's event in the change's transaction, until delivered (then deleted).
            """
            CREATE TABLE outbox (
                id TEXT NOT NULL PRIMARY KEY,
                event_type TEXT NOT NULL,
                payload TEXT NOT NULL,
                occurred_utc_ticks BIGINT NOT NULL,
                occurred_offset_minutes INTEGER NOT NULL)
            """,
            "CREATE INDEX outbox_oldest_first ON outbox (occurred_utc_ticks, id)",
        ],
    ];

    /// <summary>The version the last migration brings the schema to.</summary>
    public static int CurrentVersion => Migrations.Length;

    /// <summary>The version <paramref name="connection"/>'s database records, 0 when it records none.</summary>
    /// <remarks>One read of one row: cheap enough for a health check. The <c>schema_version</c> table must exist.</remarks>
    public static async ValueTask<int> ReadVersionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var found = await connection.Command(ReadVersion).ReadAllAsync(r => r.GetInt32(0), cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? 0 : found[0];
    }

    /// <summary>The refusal of a database whose schema, at <paramref name="version"/>, is newer than this library's.</summary>
    public static InvalidOperationException NewerThanLibrary(int version, Exception? cause = null) =>
        new($"the database's schema is at version {version}, newer than the {CurrentVersion} this ImageRules storage package knows: upgrade the package", cause);

    /// <summary>Brings the schema to <see cref="CurrentVersion"/> inside <paramref name="transaction"/>.</summary>
    /// <exception cref="InvalidOperationException">The database's schema is newer than this library.</exception>
    public static async ValueTask UpgradeAsync(DbTransaction transaction, CancellationToken cancellationToken)
    {
        await transaction.Command("CREATE TABLE IF NOT EXISTS schema_version (id INTEGER NOT NULL PRIMARY KEY, version INTEGER NOT NULL)")
            .RunAsync(cancellationToken).ConfigureAwait(false);
        var found = await transaction.Command(ReadVersion)
            .ReadAllAsync(r => r.GetInt32(0), cancellationToken).ConfigureAwait(false);
        var version = found.Count == 0 ? 0 : found[0];
        if (version > CurrentVersion)
        {
            throw NewerThanLibrary(version);
        }

        for (var next = version + 1; next <= CurrentVersion; next++)
        {
            foreach (var statement in Migrations[next - 1])
            {
                await transaction.Command(statement).RunAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (version != CurrentVersion)
        {
            await transaction.Command("INSERT INTO schema_version (id, version) VALUES (1, @version) ON CONFLICT (id) DO UPDATE SET version = excluded.version")
                .With("version", CurrentVersion).RunAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
