using System.Collections.Immutable;
using System.Data.Common;

namespace ImageRules.Relational;

/// <summary>
/// The tables, as numbered migrations that both engines accept as written. Each statement is harmless to repeat
/// (<c>IF NOT EXISTS</c>), and the whole upgrade runs in one transaction that only one process holds at a time.
/// </summary>
/// <remarks>
/// <para>The public images of a region form the catalogue whose owner is <see cref="PublicOwner"/> (the empty text, which
/// no account id is), so keys never hold NULL and primary keys compare as written.</para>
/// <para>Indexes make each query cost in proportion to its answer: <c>images (owner, region)</c> for a catalogue and
/// the viewer's own and public images, <c>grants (recipient, region)</c> for the grants an account holds, and the
/// grants' primary key <c>(image_id, recipient)</c> for an image's grants.</para>
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
