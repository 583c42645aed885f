using System.Data.Common;
using ImageRules.Domain;
using ImageRules.Persistence;

namespace ImageRules.Relational;

public sealed partial class RelationalImageStore
{
    /// <inheritdoc/>
    /// <remarks>
    /// Answers false, writing nothing, when the catalogue moved on, when an added id is used anywhere, and also when
    /// the change contradicts its catalogue (an image or grant of another catalogue, a missing image or grant, a
    /// duplicate grant, a deleted image left with grants): the database refuses those as it refuses a lost race.
    /// </remarks>
    public ValueTask<bool> TryCommitAsync(CatalogueChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return BelongsToItsCatalogue(change)
            ? database.TryWriteAsync((transaction, ct) => ApplyAsync(transaction, change, ct), cancellationToken)
            : ValueTask.FromResult(false);
    }

    private static bool BelongsToItsCatalogue(CatalogueChange change) =>
        change.ExpectedVersion >= 0
        && change.Added.All(i => CatalogueKey.Of(i) == change.Key)
        && change.Updated.All(i => CatalogueKey.Of(i) == change.Key)
        && change.GrantsAdded.All(g => g.Owner == change.Key.Owner && g.Region == change.Key.Region);

    /// <summary>
    /// Applies the change in the order the in-memory store does: the version first (so writers of one catalogue queue
    /// here), then added and updated images, removed and added grants, deleted images. Each step must touch one row.
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
            if (!await transaction.Command($"UPDATE images SET {ImageRows.Assignments} WHERE id = @id AND owner = @owner AND region = @region")
                .WithImage(image).ChangesOneRowAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        foreach (var grant in change.GrantsRemoved)
        {
            if (!await transaction.Command("DELETE FROM grants WHERE image_id = @image_id AND recipient = @recipient AND owner = @owner AND region = @region")
                .With("image_id", grant.ImageId.Value).With("recipient", grant.Recipient.Value).With("owner", owner).With("region", region)
                .ChangesOneRowAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        foreach (var grant in change.GrantsAdded)
        {
            if (!await transaction.Command(
                    """
                    INSERT INTO grants (image_id, owner, recipient, region, granted_utc_ticks, granted_offset_minutes)
                    SELECT @image_id, @grant_owner, @recipient, @grant_region, @granted_utc_ticks, @granted_offset_minutes
                    WHERE EXISTS (SELECT 1 FROM images WHERE id = @image_id AND owner = @grant_owner AND region = @grant_region)
                    ON CONFLICT (image_id, recipient) DO NOTHING
                    """)
                .WithGrant(grant).ChangesOneRowAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        foreach (var id in change.Deleted)
        {
            if (!await transaction.Command(
                    "DELETE FROM images WHERE id = @id AND owner = @owner AND region = @region AND NOT EXISTS (SELECT 1 FROM grants WHERE image_id = @id)")
                .With("id", id.Value).With("owner", owner).With("region", region)
                .ChangesOneRowAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Moves the catalogue from <paramref name="expected"/> to the next version, or says it is elsewhere. The row's
    /// lock (or the engine's write lock) makes a second writer of the same version wait, then find it gone.
    /// </summary>
    private static ValueTask<bool> AdvanceVersionAsync(DbTransaction transaction, string owner, string region, long expected, CancellationToken cancellationToken) =>
        (expected == 0
            ? transaction.Command("INSERT INTO catalogues (owner, region, version) VALUES (@owner, @region, 1) ON CONFLICT (owner, region) DO NOTHING")
            : transaction.Command("UPDATE catalogues SET version = version + 1 WHERE owner = @owner AND region = @region AND version = @expected").With("expected", expected))
        .With("owner", owner).With("region", region)
        .ChangesOneRowAsync(cancellationToken);
}
