using System.Data.Common;
using System.Globalization;
using Ardalis.GuardClauses;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Storage;

namespace ImageRules.Relational;

public sealed partial class RelationalImageStore
{
    /// <summary>How many grants one statement adds or removes, or recipients' counters it moves: well under every engine's parameter limit.</summary>
    private const int RowsPerStatement = 500;

    /// <inheritdoc/>
    /// <remarks>
    /// Answers false, writing nothing, when the catalogue moved on or an added id is used anywhere (a race). A change
    /// that contradicts the very version it expects throws, also writing nothing, as <see cref="InMemoryImageStore"/>
    /// does: some of it is checked before the transaction (repeated items, items of another catalogue), the rest by
    /// the statements themselves, each of which must touch exactly one row.
    /// </remarks>
    /// <exception cref="InvalidOperationException">
    /// The change contradicts its catalogue (an image or grant in the wrong catalogue, an image or grant named twice,
    /// a missing image or grant, a duplicate grant, a deleted image left with grants, an update changing an image's
    /// creation time): a bug in the caller, not a race.
    /// </exception>
    /// <exception cref="ArgumentException">An image's text holds an unpaired surrogate or a NUL character, which the database cannot keep; nothing is written.</exception>
    public ValueTask<bool> TryCommitAsync(CatalogueChange change, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(change);

        // Checked before the transaction too, so a contradictory change opens no connection.
        change.ThrowIfSelfContradictory();
        return change.ExpectedVersion < 0
            ? ValueTask.FromResult(false)
            : database.TryWriteAsync((transaction, ct) => ApplyAsync(transaction, change, ct), cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// One write transaction: it first makes this the only writer of the catalogue (PostgreSQL locks the catalogue's
    /// row, <c>SELECT … FOR UPDATE</c>, inserting it first when the catalogue is new: the catalogue named, else the
    /// image's own, so a copy locks its target; SQLite's write transaction holds the database's write lock from its
    /// start), then loads the facts with the statements of <see cref="LoadFactsAsync"/>, decides, and applies the change
    /// as <see cref="TryCommitAsync"/> does, version check included, before committing. Racing writers of one catalogue
    /// thus queue, each deciding on the state the one before it left, and none answers false for a lost race. A
    /// refusal or a dry run (no change) rolls back. An image hidden from the caller, with no catalogue named, is
    /// loaded as a missing one (R6): the same statements find no row, so neither its catalogue nor its grants are read
    /// or locked. Each transaction locks one catalogue, so writers never wait for each other in a cycle.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The change contradicts its catalogue (see <see cref="TryCommitAsync"/>). Nothing is written.</exception>
    /// <exception cref="ArgumentException">An image's text holds an unpaired surrogate or a NUL character, which the database cannot keep; nothing is written.</exception>
    public async ValueTask<bool> DecideAsync(FactsQuery query, Func<ImageFacts, CatalogueChange?> decide, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(query);
        Guard.Against.Null(decide);
        var load = new FactsLoad(query, deciding: true, database.LockRowsClause("c"));
        var nothingToWrite = false;
        var committed = await database.TryWriteAsync(
            async (transaction, ct) =>
            {
                var change = decide(await load.ReadAsync(transaction, ct).ConfigureAwait(false));
                nothingToWrite = change is null;
                return change is not null && await TryApplyAsync(transaction, change, ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return committed || nothingToWrite;
    }

    /// <summary>Applies <paramref name="change"/> after the checks <see cref="TryCommitAsync"/> makes first; false, writing nothing, when it expects no version the catalogue can have.</summary>
    private static ValueTask<bool> TryApplyAsync(DbTransaction transaction, CatalogueChange change, CancellationToken cancellationToken)
    {
        change.ThrowIfSelfContradictory();
        return change.ExpectedVersion < 0 ? ValueTask.FromResult(false) : ApplyAsync(transaction, change, cancellationToken);
    }

    /// <summary>
    /// Applies the change in the order the in-memory store does: the version first (so writers of one catalogue queue
    /// here, and every later miss is the change's own fault), then added and updated images, removed and added grants,
    /// deleted images, the listing's counters, and last the change's event for observers (the outbox), so it is saved
    /// exactly when the change is.
    /// </summary>
    private static async ValueTask<bool> ApplyAsync(DbTransaction transaction, CatalogueChange change, CancellationToken cancellationToken)
    {
        var owner = ImageRows.Owner(change.Key.Owner);
        var region = change.Key.Region.Value;
        if (!await AdvanceVersionAsync(transaction, owner, region, change.ExpectedVersion, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        foreach (var image in change.Added)
        {
            if (!await transaction.Command($"INSERT INTO images ({ImageRows.Names}) VALUES ({ImageRows.Parameters}) ON CONFLICT (id) DO NOTHING")
                .WithImage(image).ChangesOneRowAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        foreach (var image in change.Updated)
        {
            CatalogueChange.Require(
                await transaction.Command($"UPDATE images SET {ImageRows.Assignments} WHERE id = @id AND owner = @owner AND region = @region AND created_utc_ticks = @created_utc_ticks")
                    .WithImage(image).ChangesOneRowAsync(cancellationToken).ConfigureAwait(false),
                "an updated image is not in the catalogue, or changes its creation time");
        }

        foreach (var grants in change.GrantsRemoved.Chunk(RowsPerStatement))
        {
            CatalogueChange.Require(
                await GrantsDelete(transaction, grants, owner, region).ChangesRowsAsync(grants.Length, cancellationToken).ConfigureAwait(false),
                "a removed grant does not exist");
        }

        foreach (var grants in change.GrantsAdded.Chunk(RowsPerStatement))
        {
            CatalogueChange.Require(
                await GrantsInsert(transaction, grants).ChangesRowsAsync(grants.Length, cancellationToken).ConfigureAwait(false),
                "a grant is for an image outside the catalogue, or exists already");
        }

        foreach (var id in change.Deleted)
        {
            CatalogueChange.Require(
                await transaction.Command(
                        "DELETE FROM images WHERE id = @id AND owner = @owner AND region = @region AND NOT EXISTS (SELECT 1 FROM grants WHERE image_id = @id)")
                    .With("id", id.Value).With("owner", owner).With("region", region)
                    .ChangesOneRowAsync(cancellationToken).ConfigureAwait(false),
                "a deleted image is not in the catalogue, or would keep grants");
        }

        await CountAsync(transaction, change, owner, region, cancellationToken).ConfigureAwait(false);
        if (change.Event is { } saved)
        {
            await transaction.Command(EventRows.Insert).WithEvent(saved).RunAsync(cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>
    /// One statement adding <paramref name="grants"/> (a share's grants in one round trip), each only when its image is
    /// in the grant's own catalogue, and each carrying its image's creation instant (the listing's order). A grant
    /// that exists already adds nothing, so the statement then changes fewer rows than it was given.
    /// </summary>
    private static DbCommand GrantsInsert(DbTransaction transaction, ShareGrant[] grants)
    {
        var rows = string.Join(" UNION ALL ", Enumerable.Range(0, grants.Length).Select(n =>
            $"SELECT @image_id{n} AS image_id, @grant_owner{n} AS owner, @recipient{n} AS recipient, @grant_region{n} AS region, @granted{n}_utc_ticks AS granted_utc_ticks, @granted{n}_offset_minutes AS granted_offset_minutes"));
        var command = transaction.Command(
            $"""
            INSERT INTO grants (image_id, owner, recipient, region, granted_utc_ticks, granted_offset_minutes, image_created_utc_ticks)
            SELECT g.image_id, g.owner, g.recipient, g.region, g.granted_utc_ticks, g.granted_offset_minutes, i.created_utc_ticks
            FROM ({rows}) g, images i
            WHERE i.id = g.image_id AND i.owner = g.owner AND i.region = g.region
            ON CONFLICT (image_id, recipient) DO NOTHING
            """);
        for (var n = 0; n < grants.Length; n++)
        {
            command.WithGrant(grants[n], n.ToString(CultureInfo.InvariantCulture));
        }

        return command;
    }

    /// <summary>
    /// One statement removing <paramref name="grants"/> (a cancellation's grants in one round trip), each only when it
    /// is in the catalogue; a grant that does not exist removes nothing, so the statement then changes fewer rows than
    /// it was given.
    /// </summary>
    private static DbCommand GrantsDelete(DbTransaction transaction, ShareGrant[] grants, string owner, string region)
    {
        var rows = string.Join(" OR ", Enumerable.Range(0, grants.Length).Select(n => $"(image_id = @image_id{n} AND recipient = @recipient{n})"));
        var command = transaction.Command($"DELETE FROM grants WHERE owner = @owner AND region = @region AND ({rows})").With("owner", owner).With("region", region);
        for (var n = 0; n < grants.Length; n++)
        {
            command.With($"image_id{n}", grants[n].ImageId.Value).With($"recipient{n}", grants[n].Recipient.Value);
        }

        return command;
    }

    /// <summary>
    /// Moves the listing's counters (see <see cref="Schema"/>) by what the change, applied whole, adds and removes: the
    /// catalogue's image count, and the count of grants each recipient holds in the region (a grant to the owner
    /// itself lists nothing as shared, so it counts nothing). Recipients go in ordinal order, so commits of different
    /// catalogues lock shared counter rows in one order and never deadlock each other.
    /// </summary>
    private static async ValueTask CountAsync(DbTransaction transaction, CatalogueChange change, string owner, string region, CancellationToken cancellationToken)
    {
        if (change.Added.Length != change.Deleted.Length)
        {
            await transaction.Command("UPDATE catalogues SET image_count = image_count + @images WHERE owner = @owner AND region = @region")
                .With("images", change.Added.Length - change.Deleted.Length).With("owner", owner).With("region", region)
                .RunAsync(cancellationToken).ConfigureAwait(false);
        }

        var held = change.GrantsAdded.Select(g => (g.Recipient, Delta: 1)).Concat(change.GrantsRemoved.Select(g => (g.Recipient, Delta: -1)))
            .Where(g => g.Recipient != change.Key.Owner)
            .GroupBy(g => g.Recipient.Value, (recipient, deltas) => (Recipient: recipient, Delta: deltas.Sum(d => d.Delta)))
            .Where(g => g.Delta != 0)
            .OrderBy(g => g.Recipient, StringComparer.Ordinal);
        foreach (var rows in held.Chunk(RowsPerStatement))
        {
            var command = transaction.Command(
                $"""
                INSERT INTO held_grants (recipient, region, grant_count)
                VALUES {string.Join(", ", Enumerable.Range(0, rows.Length).Select(n => $"(@recipient{n}, @region, @delta{n})"))}
                ON CONFLICT (recipient, region) DO UPDATE SET grant_count = held_grants.grant_count + excluded.grant_count
                """).With("region", region);
            for (var n = 0; n < rows.Length; n++)
            {
                command.With($"recipient{n}", rows[n].Recipient).With($"delta{n}", rows[n].Delta);
            }

            await command.RunAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Moves the catalogue from <paramref name="expected"/> to the next version, or says it is elsewhere. The row's
    /// lock (or the engine's write lock) makes a second writer of the same version wait, then find it gone. A new
    /// catalogue's row is inserted at version 1, or found at 0 when <see cref="DecideAsync"/> inserted it to lock it.
    /// </summary>
    private static ValueTask<bool> AdvanceVersionAsync(DbTransaction transaction, string owner, string region, long expected, CancellationToken cancellationToken) =>
        (expected == 0
            ? transaction.Command("INSERT INTO catalogues (owner, region, version) VALUES (@owner, @region, 1) ON CONFLICT (owner, region) DO UPDATE SET version = 1 WHERE catalogues.version = 0")
            : transaction.Command("UPDATE catalogues SET version = version + 1 WHERE owner = @owner AND region = @region AND version = @expected").With("expected", expected))
        .With("owner", owner).With("region", region)
        .ChangesOneRowAsync(cancellationToken);
}
