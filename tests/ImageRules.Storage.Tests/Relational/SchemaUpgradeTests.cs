using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Relational;
using ImageRules.Storage.Tests.Support;
using ImageRules.Tests.Support;

namespace ImageRules.Storage.Tests;

/// <summary>
/// A database written at schema version 1 (0.2, before paging in the store) is upgraded in place on first use: the
/// listing's counters and the grants' copy of their image's creation time are filled in from the rows already
/// there, so pages and totals are right at once, and commits keep them right afterwards.
/// </summary>
public class SchemaUpgradeTests
{
    /// <summary>Version 1's tables exactly as 0.2 created them (frozen here: the library only knows how to upgrade them).</summary>
    private static readonly string[] Version1 =
    [
        "CREATE TABLE catalogues (owner TEXT NOT NULL, region TEXT NOT NULL, version BIGINT NOT NULL, PRIMARY KEY (owner, region))",
        """
        CREATE TABLE images (id TEXT NOT NULL PRIMARY KEY, owner TEXT NOT NULL, region TEXT NOT NULL, name TEXT NOT NULL,
            description TEXT NOT NULL, os_family TEXT NOT NULL, os_platform TEXT NOT NULL, os_name TEXT NOT NULL,
            architecture TEXT NOT NULL, size_gib INTEGER NOT NULL, state TEXT NOT NULL, source TEXT NOT NULL,
            source_instance TEXT NULL, copied_from TEXT NULL, created_utc_ticks BIGINT NOT NULL, created_offset_minutes INTEGER NOT NULL,
            FOREIGN KEY (owner, region) REFERENCES catalogues (owner, region))
        """,
        "CREATE INDEX images_by_catalogue ON images (owner, region)",
        """
        CREATE TABLE grants (image_id TEXT NOT NULL REFERENCES images (id), recipient TEXT NOT NULL, owner TEXT NOT NULL,
            region TEXT NOT NULL, granted_utc_ticks BIGINT NOT NULL, granted_offset_minutes INTEGER NOT NULL, PRIMARY KEY (image_id, recipient))
        """,
        "CREATE INDEX grants_held ON grants (recipient, region)",
        "CREATE TABLE accounts (id TEXT NOT NULL PRIMARY KEY, home_region TEXT NOT NULL, kind TEXT NOT NULL)",
        """
        CREATE TABLE regions (id TEXT NOT NULL PRIMARY KEY, display_name TEXT NOT NULL, is_chinese_mainland BOOLEAN NOT NULL,
            charges_windows_licence_fee BOOLEAN NOT NULL, supports_copy BOOLEAN NOT NULL, supports_import BOOLEAN NOT NULL)
        """,
        "CREATE TABLE schema_version (id INTEGER NOT NULL PRIMARY KEY, version INTEGER NOT NULL)",
        "INSERT INTO schema_version (id, version) VALUES (1, 1)",
    ];

    [Fact]
    public async Task R2_a_version_1_database_is_upgraded_with_its_counters_and_grant_times_filled_from_its_rows()
    {
        var database = await TestDatabase.CreateAsync();
        foreach (var statement in Version1)
        {
            await database.ExecuteAsync(statement);
        }

        // Alice sees one public image, her own, and two of Bob's shared with her (one created at the very time of her own).
        await InsertCatalogueAsync(database, string.Empty, 1);
        await InsertCatalogueAsync(database, Sample.Alice.Id.Value, 1);
        await InsertCatalogueAsync(database, Sample.Bob.Id.Value, 3);
        await InsertImageAsync(database, "img-pub00001", string.Empty, daysOld: 3);
        await InsertImageAsync(database, "img-alice001", Sample.Alice.Id.Value, daysOld: 1);
        await InsertImageAsync(database, "img-bob00001", Sample.Bob.Id.Value, daysOld: 2);
        await InsertImageAsync(database, "img-bob00002", Sample.Bob.Id.Value, daysOld: 1);
        await InsertImageAsync(database, "img-bob00003", Sample.Bob.Id.Value, daysOld: 0);
        await InsertGrantAsync(database, "img-bob00001", Sample.Alice.Id.Value);
        await InsertGrantAsync(database, "img-bob00002", Sample.Alice.Id.Value);
        await InsertGrantAsync(database, "img-bob00003", Sample.Carol.Id.Value);

        await using var upgraded = ServiceInstance.Over(database);
        await upgraded.Database.EnsureSchemaAsync();
        var first = await upgraded.Images.QueryVisibleAsync(Sample.Alice.Id, Sample.Guangzhou.Id, ImageFilter.None, PageRequest.Create(0, 2).Value);
        var second = await upgraded.Images.QueryVisibleAsync(Sample.Alice.Id, Sample.Guangzhou.Id, ImageFilter.None, PageRequest.Create(2, 2).Value);

        Assert.Equal(RelationalDatabase.SchemaVersion, await database.ScalarAsync("SELECT version FROM schema_version"));
        Assert.Equal(
            new[] { ("img-alice001", ImageKind.Custom), ("img-bob00002", ImageKind.Shared), ("img-bob00001", ImageKind.Shared), ("img-pub00001", ImageKind.Public) },
            first.Items.Concat(second.Items).Select(v => (v.Image.Id.Value, v.Kind)));
        Assert.Equal((4, 4), (first.TotalCount, second.TotalCount));
        Assert.Equal(3, await database.ScalarAsync($"SELECT image_count FROM catalogues WHERE owner = '{Sample.Bob.Id.Value}'"));
        Assert.Equal(2, await database.ScalarAsync($"SELECT grant_count FROM held_grants WHERE recipient = '{Sample.Alice.Id.Value}'"));
        Assert.Equal(0, await database.ScalarAsync("SELECT COUNT(*) FROM grants g JOIN images i ON i.id = g.image_id WHERE g.image_created_utc_ticks <> i.created_utc_ticks"));

        // Commits after the upgrade move the backfilled counters.
        var bobs = (await upgraded.Images.FindImageAsync(new ImageId("img-bob00001")))!;
        Assert.True(await upgraded.Images.TryCommitAsync(new CatalogueChange
        {
            Key = CatalogueKey.Of(bobs),
            ExpectedVersion = 3,
            GrantsRemoved = [Sample.Grant(bobs, Sample.Alice)],
            Deleted = [bobs.Id],
        }));
        var after = await upgraded.Images.QueryVisibleAsync(Sample.Alice.Id, Sample.Guangzhou.Id, ImageFilter.None, PageRequest.First);
        Assert.Equal(3, after.TotalCount);
        Assert.Equal(2, await database.ScalarAsync($"SELECT image_count FROM catalogues WHERE owner = '{Sample.Bob.Id.Value}'"));
    }

    [Fact]
    public async Task Events_a_version_2_database_is_upgraded_with_an_outbox_that_keeps_events_with_their_changes()
    {
        // Version 2 is version 3 without the outbox: made by the library, then taken back.
        var database = await TestDatabase.CreateAsync();
        await using (var made = ServiceInstance.Over(database))
        {
            await made.Database.EnsureSchemaAsync();
        }

        await database.ExecuteAsync("DROP TABLE outbox");
        await database.ExecuteAsync("UPDATE schema_version SET version = 2");

        var recorder = new RecordingObserver(failureRate: 1);
        await using var upgraded = ServiceInstance.Over(database, observers: [recorder]);
        await upgraded.SeedAsync();
        var created = (await upgraded.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou))).Value;

        Assert.Equal(3, await database.ScalarAsync("SELECT version FROM schema_version"));
        Assert.Equal(created, Assert.Single(await upgraded.Images.ReadPendingEventsAsync(DateTimeOffset.MaxValue, 10)).Event);
    }

    private static ValueTask InsertCatalogueAsync(TestDatabase database, string owner, int version) =>
        database.ExecuteAsync($"INSERT INTO catalogues (owner, region, version) VALUES ('{owner}', '{Sample.Guangzhou.Id.Value}', {version})");

    private static ValueTask InsertImageAsync(TestDatabase database, string id, string owner, int daysOld) =>
        database.ExecuteAsync(
            $"""
            INSERT INTO images (id, owner, region, name, description, os_family, os_platform, os_name, architecture, size_gib, state, source,
                source_instance, copied_from, created_utc_ticks, created_offset_minutes)
            VALUES ('{id}', '{owner}', '{Sample.Guangzhou.Id.Value}', '{id}', '', 'Linux', 'TencentOS', 'TencentOS Server', 'X86_64', 50, 'Normal',
                'Official', NULL, NULL, {Sample.Now.AddDays(-daysOld).UtcTicks}, 0)
            """);

    private static ValueTask InsertGrantAsync(TestDatabase database, string image, string recipient) =>
        database.ExecuteAsync(
            $"""
            INSERT INTO grants (image_id, recipient, owner, region, granted_utc_ticks, granted_offset_minutes)
            VALUES ('{image}', '{recipient}', '{Sample.Bob.Id.Value}', '{Sample.Guangzhou.Id.Value}', {Sample.Now.UtcTicks}, 0)
            """);
}
