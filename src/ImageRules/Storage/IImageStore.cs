using Ardalis.GuardClauses;
using ImageRules.Domain.Events;
using ImageRules.Domain;
using ImageRules.Policy;

namespace ImageRules.Storage;

/// <summary>
/// The one store seam of the library: regions, accounts, images and their grants, which change together. A
/// decision reads its <see cref="ImageFacts"/> in one call and writes its change in one call.
/// </summary>
/// <remarks>
/// <para><b>Concurrency.</b> Optimistic, per catalogue (<see cref="CatalogueKey"/>: one owner's images in one region,
/// the scope of the quota, R11, and of name uniqueness, R12). <see cref="LoadFactsAsync"/> returns the catalogue at
/// one version; <see cref="TryCommitAsync"/> applies a <see cref="CatalogueChange"/> whole only if the catalogue is
/// still at that version, and advances it. Every grant change and deletion of an image goes through its catalogue,
/// so racing writers never both take the last slot nor leave a grant on a deleted image.</para>
/// <para><b>Deciding inside the write.</b> <see cref="DecideAsync"/> loads, decides and commits as one step. By default
/// it is <see cref="LoadFactsAsync"/> then <see cref="TryCommitAsync"/>, so it can lose a race like any optimistic
/// write; a store that can hold its catalogue while the decision is made (a row lock, a write lock) overrides it so that
/// racing writers of one catalogue queue instead of failing.</para>
/// <para><b>Equal work.</b> A load costs the same whether the image is missing or hidden from the caller (R6). A read
/// about the image alone (<see cref="FactsQuery.ImageAsSeen"/>) and a decision about it (<see cref="DecideAsync"/>)
/// load a hidden image as a missing one: nothing of it, its grants or its catalogue is loaded for the caller.</para>
/// <para><b>Cost.</b> Every call costs in proportion to its answer, not to the number of images stored. A listing
/// (<see cref="QueryVisibleAsync"/>) with no filter but kind costs in proportion to its offset plus its limit, not to
/// how many images the viewer sees, and its total is exact without counting them (stores keep counts as they commit);
/// with image ids, in proportion to the ids; with any other filter, in proportion to the viewer's visible images of
/// the kinds asked for (every one is looked at to count the matches).</para>
/// <para><b>Failures.</b> A lost race is an answer (<see cref="TryCommitAsync"/> returns false), never an exception. A
/// transient infrastructure failure (the database unreachable, restarting, timing out, locked past its timeout) is
/// thrown as <see cref="ImageStoreUnavailableException"/> wrapping the driver's exception, with nothing written, or
/// with <see cref="ImageStoreUnavailableException.OutcomeUnknown"/> set when it came while a change was being
/// committed; the store does not retry it itself (<c>ImageService</c> does). Anything else (a bug, a constraint the
/// data breaks, a schema newer than the store) is thrown as it is.</para>
/// <para>Implementations must be thread-safe. <c>tests/ImageRules.Tests/Storage/ImageStoreContract.cs</c> is the
/// contract a new store inherits to prove itself.</para>
/// </remarks>
public interface IImageStore
{
    /// <summary>
    /// The facts <paramref name="query"/> names, read consistently: the caller's account and the region (null when
    /// absent), the image and its grants, the catalogue with its version, the target region and the accounts found.
    /// <see cref="ImageFacts.Now"/> and <see cref="ImageFacts.NewImageId"/> are left for the caller to set.
    /// </summary>
    ValueTask<ImageFacts> LoadFactsAsync(FactsQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies <paramref name="change"/> atomically if its catalogue is still at <see cref="CatalogueChange.ExpectedVersion"/>
    /// and no added image id is in use; returns false, writing nothing, otherwise (a race: decide again and retry).
    /// </summary>
    /// <exception cref="InvalidOperationException">The change contradicts the catalogue at the very version it expects: a caller's bug, not a race. Nothing is written.</exception>
    ValueTask<bool> TryCommitAsync(CatalogueChange change, CancellationToken cancellationToken = default);

    /// <summary>
    /// Loads the facts <paramref name="query"/> names, hands them to <paramref name="decide"/> and commits the change
    /// it answers, as <see cref="LoadFactsAsync"/> and <see cref="TryCommitAsync"/> would in turn; a null answer (a
    /// refusal, a dry run) writes nothing. Returns false only when the change was decided but not written because
    /// another writer changed the catalogue first (a race: call again to decide on the new state); true when it was
    /// committed or there was nothing to write.
    /// </summary>
    /// <remarks>
    /// <para><paramref name="decide"/> sets <see cref="ImageFacts.Now"/> and <see cref="ImageFacts.NewImageId"/> itself,
    /// must be quick and pure (it may run while the store holds the catalogue), and may be called again if the store
    /// must start over (after a transient fault, say): the change of its last call is the one written. Its exceptions
    /// reach the caller with nothing written.</para>
    /// <para>This default loads and commits in two calls, so it can answer false under contention; stores override it
    /// to decide while holding the catalogue (<c>RelationalImageStore</c> locks the catalogue's row, or the whole
    /// database on SQLite, for the load, the decision and the commit), so racing writers queue and it answers false
    /// only when a race was lost all the same. Equal work (R6) holds as for <see cref="LoadFactsAsync"/>. When the query
    /// names an image and no catalogue (or asks for <see cref="FactsQuery.ImageAsSeen"/>), an image hidden from the caller
    /// (<see cref="ImagePolicy.KindFor"/>) reaches <paramref name="decide"/> as a missing one (no image, no grants, no
    /// catalogue), which every decision refuses alike: this default loads the facts and then drops them; the stores of
    /// this library load nothing of the image to begin with (no catalogue, no grants, nothing locked).</para>
    /// </remarks>
    /// <exception cref="InvalidOperationException">The change contradicts the catalogue at the version it expects (see <see cref="TryCommitAsync"/>). Nothing is written.</exception>
    async ValueTask<bool> DecideAsync(FactsQuery query, Func<ImageFacts, CatalogueChange?> decide, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(decide);
        Guard.Against.Null(query);
        var facts = query.AsSeen(await LoadFactsAsync(query, cancellationToken).ConfigureAwait(false), deciding: true);
        return decide(facts) is not { } change || await TryCommitAsync(change, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The images <paramref name="viewer"/> can see in <paramref name="region"/> (<see cref="ImagePolicy.KindFor"/>:
    /// public, its own, and those granted to it there) that pass <paramref name="filter"/> (<see cref="ImageFilter.Matches"/>:
    /// the state as shown at <see cref="ImageFilter.TimedOutBefore"/>, R37), newest first (ties by
    /// ordinal id), one page (R2), with the exact number of matches in all pages. An image's creation time never
    /// changes (<see cref="CatalogueChange.Updated"/>), so pages taken one after another, with no commit between them,
    /// list every match once. See "Cost" above.
    /// </summary>
    ValueTask<ImagePage> QueryVisibleAsync(AccountId viewer, RegionId region, ImageFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>The image with this id wherever it lives, or null: for the platform's own transitions, not for accounts.</summary>
    ValueTask<Image?> FindImageAsync(ImageId id, CancellationToken cancellationToken = default);

    /// <summary>Adds an account, or replaces the one with its id.</summary>
    ValueTask SaveAccountAsync(Account account, CancellationToken cancellationToken = default);

    /// <summary>Adds a region, or replaces the one with its id.</summary>
    ValueTask SaveRegionAsync(Region region, CancellationToken cancellationToken = default);

    /// <summary>
    /// The events committed with their changes (<see cref="CatalogueChange.Event"/>) and not yet marked delivered
    /// whose <see cref="Domain.Events.IImageEvent.OccurredAt"/> is at or before <paramref name="occurredBy"/>, oldest
    /// first (ties by ordinal id), at most <paramref name="limit"/>; each read back equal to the event written.
    /// </summary>
    /// <remarks>
    /// No default: a store of the host's must keep each change's event in the change's own transaction and implement
    /// this and <see cref="MarkEventDeliveredAsync"/>, or observers lose events (an outbox;
    /// <c>ImageStoreContract</c> tests it). Costs in proportion to the pending events read.
    /// </remarks>
    ValueTask<IReadOnlyList<SavedImageEvent>> ReadPendingEventsAsync(DateTimeOffset occurredBy, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Forgets the pending event <paramref name="id"/>: every observer has taken it. An id not pending (delivered
    /// already, by this process or another) is no error.
    /// </summary>
    /// <remarks>
    /// No default, as for <see cref="ReadPendingEventsAsync"/>. The mark need not be durable: one lost in a crash only
    /// has the event delivered again, which at-least-once delivery allows, so a store may commit it without waiting for
    /// the disk (the SQLite store does).
    /// </remarks>
    ValueTask MarkEventDeliveredAsync(string id, CancellationToken cancellationToken = default);
}
