using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Ardalis.GuardClauses;
using ImageRules.Domain.Events;
using ImageRules.Domain;
using ImageRules.Policy;

namespace ImageRules.Storage;

/// <summary>
/// The default store: regions, accounts, images and grants in memory, thread-safe, forgotten when the process ends.
/// </summary>
/// <remarks>
/// <para>One lock serialises the writers and the other reads; each operation holds it only for its own work. A launch
/// decision, finding an image by id, loading facts that name no image and no catalogue, and a listing not filtered by
/// ids take no lock: accounts, regions, images, catalogues and grants held are kept in concurrent dictionaries; each image with its grants is one immutable value,
/// and each listing (a catalogue's images, the images an account holds grants for in a region) one immutable sorted
/// set, each published whole when a change is applied, so such a read sees an image and its grants, or a listing, as
/// one change left them. Indexes by id, by catalogue and by recipient and region make every query cost in proportion
/// to its answer, never to the whole store. An update of an image shared with many accounts replaces it in each of
/// their listings, at a cost in proportion to the grants, as cancelling them does.</para>
/// <para>A catalogue's images, and the images an account holds grants for in a region, are kept newest first (as a
/// listing orders them), with their counts. So a page of a listing is a merge of at most three ordered sequences (the
/// region's public images, the viewer's own, those granted to it) that stops after offset plus limit images, and its
/// total is the sum of those counts: a page costs in proportion to offset plus limit, whatever the viewer sees. A
/// filter other than kind must look at every image of the kinds asked for to count the matches, so such a listing
/// costs in proportion to them; with image ids it looks up only those ids.</para>
/// <para>Images and grants are immutable records, so returned values are safe to share.</para>
/// <para>A change's event (<see cref="CatalogueChange.Event"/>) is kept with the change under the same lock, pending
/// until marked delivered, as the SQL stores keep it in the change's transaction; it lives as long as the process.</para>
/// </remarks>
public sealed class InMemoryImageStore : IImageStore
{
    private readonly Lock gate = new();
    private readonly ConcurrentDictionary<AccountId, Account> accounts = new();
    private readonly ConcurrentDictionary<RegionId, Region> regions = new();
    private readonly ConcurrentDictionary<ImageId, StoredImage> images = new();
    private readonly ConcurrentDictionary<CatalogueKey, CatalogueEntry> catalogues = new();
    private readonly ConcurrentDictionary<AccountId, HeldImages> grantsHeld = new();
    private readonly List<Listing> edited = [];
    private readonly Dictionary<string, SavedImageEvent> pendingEvents = new(StringComparer.Ordinal);

    /// <summary>How many images are stored.</summary>
    public int ImageCount
    {
        get
        {
            lock (gate)
            {
                return images.Count;
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask<ImageFacts> LoadFactsAsync(FactsQuery query, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(query);
        return ValueTask.FromResult(LoadFacts(query, deciding: false));
    }

    /// <summary>The facts of <paramref name="query"/>, an image the caller cannot see taken as missing when the query <see cref="FactsQuery.LoadsAsSeen"/> (R6).</summary>
    private ImageFacts LoadFacts(FactsQuery query, bool deciding)
    {
        if (query.Image is null && query.Catalogue is null)
        {
            // Only accounts and regions (a place check, R7): concurrent dictionaries, read without the lock, as a launch reads them.
            return Facts(query, stored: null, catalogue: null);
        }

        lock (gate)
        {
            // One lookup finds the image, its catalogue and its grants.
            var stored = query.Image is { } id ? images.GetValueOrDefault(id) : null;
            if (stored is not null && query.LoadsAsSeen(deciding) && !SeenBy(query, stored))
            {
                stored = null;
            }

            var catalogue = query.Catalogue is { } key ? catalogues.GetValueOrDefault(key) : query.ImageAsSeen ? null : stored?.Catalogue;
            return Facts(query, stored, catalogue);
        }
    }

    /// <summary>The facts of <paramref name="query"/> on the image and catalogue found for it (each null when none).</summary>
    private ImageFacts Facts(FactsQuery query, StoredImage? stored, CatalogueEntry? catalogue) => new()
    {
        Caller = accounts.GetValueOrDefault(query.Caller),
        Region = regions.GetValueOrDefault(query.Region),
        Image = stored?.Image,
        Grants = stored is null ? [] : GrantsOf(stored, query),
        Catalogue = catalogue is null ? [] : catalogue.Snapshot(),
        Version = catalogue?.Version ?? 0,
        TargetRegion = query.TargetRegion is { } target ? regions.GetValueOrDefault(target) : null,
        Accounts = query.Accounts.IsDefaultOrEmpty ? ImmutableDictionary<AccountId, Account>.Empty : FindAccounts(query.Accounts),
    };

    /// <summary>
    /// A launch decided on the facts <see cref="LoadFactsAsync"/> gives a launch's query (the caller, the region, the
    /// image and the caller's grant; a launch reads no catalogue), handed to the policy without building an
    /// <see cref="ImageFacts"/>: the service's launch over this store allocates nothing. Read without the lock, from
    /// the concurrent dictionaries and the image's published value, so launches never wait for a writer or each other.
    /// </summary>
    internal LaunchDecision DecideLaunch(ImagePolicy policy, LaunchImage request)
    {
        accounts.TryGetValue(request.Caller, out var caller);
        regions.TryGetValue(request.Region, out var region);
        var published = images.TryGetValue(request.ImageId, out var stored) ? stored.Published : null;
        var grant = published?.Grants is { } grants && grants.TryGetValue(request.Caller, out var held) ? held : null;

        // As through LoadFactsAsync, the time is unset: it matters only to an image in progress, refused either way (R37).
        return policy.DecideLaunch(request, caller, region, published?.Image, grant, now: default);
    }

    private static ImmutableArray<ShareGrant> GrantsOf(StoredImage stored, FactsQuery query)
    {
        if (stored.Grants is not { Count: > 0 } grants)
        {
            return [];
        }

        if (query.AllGrants)
        {
            return [.. grants.Values];
        }

        return grants.TryGetValue(query.Caller, out var own) ? [own] : [];
    }

    private ImmutableDictionary<AccountId, Account> FindAccounts(ImmutableArray<AccountId> ids)
    {
        if (ids.Length == 1)
        {
            // The usual share names one account: no builder for it.
            return accounts.TryGetValue(ids[0], out var only) ? ImmutableDictionary<AccountId, Account>.Empty.Add(ids[0], only) : ImmutableDictionary<AccountId, Account>.Empty;
        }

        var found = ImmutableDictionary.CreateBuilder<AccountId, Account>();
        foreach (var id in ids)
        {
            if (accounts.TryGetValue(id, out var account))
            {
                found[id] = account;
            }
        }

        return found.ToImmutable();
    }

    /// <inheritdoc/>
    /// <remarks>Takes no lock: reads the image's published value, as a launch does.</remarks>
    public ValueTask<Image?> FindImageAsync(ImageId id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(images.TryGetValue(id, out var stored) ? stored.Published?.Image : null);

    /// <inheritdoc/>
    public ValueTask SaveAccountAsync(Account account, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(account);
        lock (gate)
        {
            accounts[account.Id] = account;
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask SaveRegionAsync(Region region, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(region);
        lock (gate)
        {
            regions[region.Id] = region;
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    /// <remarks>Looks at every pending event: they are few, since each is forgotten once delivered.</remarks>
    public ValueTask<IReadOnlyList<SavedImageEvent>> ReadPendingEventsAsync(DateTimeOffset occurredBy, int limit, CancellationToken cancellationToken = default)
    {
        Guard.Against.NegativeOrZero(limit);
        lock (gate)
        {
            IReadOnlyList<SavedImageEvent> due = [.. pendingEvents.Values
                .Where(e => e.Event.OccurredAt <= occurredBy)
                .OrderBy(e => e.Event.OccurredAt)
                .ThenBy(e => e.Id, StringComparer.Ordinal)
                .Take(limit)];
            return ValueTask.FromResult(due);
        }
    }

    /// <inheritdoc/>
    public ValueTask MarkEventDeliveredAsync(string id, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(id);
        lock (gate)
        {
            pendingEvents.Remove(id);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    /// <remarks>Takes no lock unless the filter names image ids: see <see cref="PageOfVisible"/>.</remarks>
    public ValueTask<ImagePage> QueryVisibleAsync(AccountId viewer, RegionId region, ImageFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(filter);
        Guard.Against.Null(page);
        return ValueTask.FromResult(QueryVisible(viewer, region, filter, page));
    }

    private ImagePage QueryVisible(AccountId viewer, RegionId region, ImageFilter filter, PageRequest page)
    {
        if (filter.ImageIds is not { } ids)
        {
            return PageOfVisible(viewer, region, filter, page);
        }

        lock (gate)
        {
            return PageOfIds(viewer, region, filter, ids, page);
        }
    }

    /// <summary>
    /// Merges the visible kinds' ordered listings: with no filter but kind, stops after the page and sums the
    /// listings' counts; with one, goes through them all to count the matches. Takes no lock: each listing is an
    /// immutable value published whole when a change is applied, so the page sees each catalogue, and the images held
    /// by the viewer, as one change left them.
    /// </summary>
    private ImagePage PageOfVisible(AccountId viewer, RegionId region, ImageFilter filter, PageRequest page)
    {
        var sources = default(Sources);
        var count = 0;
        AddSource(ref sources, ref count, filter, ImageKind.Public, catalogues.GetValueOrDefault(new CatalogueKey(null, region))?.Newest.Published);
        AddSource(ref sources, ref count, filter, ImageKind.Custom, catalogues.GetValueOrDefault(new CatalogueKey(viewer, region))?.Newest.Published);
        AddSource(ref sources, ref count, filter, ImageKind.Shared, grantsHeld.GetValueOrDefault(viewer)?.In(region)?.Published);
        var countedByKind = filter.NarrowsOnlyByKind;
        var items = ImmutableArray.CreateBuilder<VisibleImage>(page.Limit);
        var matches = 0;
        var total = 0;
        var heads = default(Heads);
        try
        {
            for (var i = 0; i < count; i++)
            {
                total += sources[i].Images.Count;
                heads[i] = sources[i].Images.GetEnumerator();
                sources[i].Live = heads[i].MoveNext();
            }

            // Each step takes the newest of the listings' heads (ties by id).
            for (var next = Newest(ref heads, ref sources, count); next >= 0; next = Newest(ref heads, ref sources, count))
            {
                var image = heads[next].Current;
                var kind = sources[next].Kind;
                sources[next].Live = heads[next].MoveNext();
                if (countedByKind || filter.Matches(image, kind))
                {
                    if (matches++ >= page.Offset && items.Count < page.Limit)
                    {
                        items.Add(new VisibleImage(image, kind));
                    }

                    if (countedByKind && items.Count == page.Limit)
                    {
                        break;
                    }
                }
            }
        }
        finally
        {
            // A listing's enumerator rents its stack from a pool: given back here.
            for (var i = 0; i < count; i++)
            {
                heads[i].Dispose();
            }
        }

        return new ImagePage(items.DrainToImmutable(), countedByKind ? total : matches);
    }

    private static void AddSource(ref Sources sources, ref int count, ImageFilter filter, ImageKind kind, ImmutableSortedSet<Image>? images)
    {
        if ((filter.Kind is null || filter.Kind == kind) && images is { Count: > 0 })
        {
            sources[count++] = new Source { Images = images, Kind = kind };
        }
    }

    /// <summary>The index of the live head that comes first in a listing's order, or -1 when every listing is done.</summary>
    private static int Newest(ref Heads heads, ref Sources sources, int count)
    {
        var next = -1;
        for (var i = 0; i < count; i++)
        {
            if (sources[i].Live && (next < 0 || NewestFirst.Instance.Compare(heads[i].Current, heads[next].Current) < 0))
            {
                next = i;
            }
        }

        return next;
    }

    private ImagePage PageOfIds(AccountId viewer, RegionId region, ImageFilter filter, ImmutableArray<ImageId> ids, PageRequest page)
    {
        var matches = new List<VisibleImage>();
        foreach (var id in ids.Distinct())
        {
            if (images.TryGetValue(id, out var stored) && ImagePolicy.KindFor(stored.Image, viewer, region, stored.Grants?.GetValueOrDefault(viewer)) is { } kind
                && filter.Matches(stored.Image, kind))
            {
                matches.Add(new VisibleImage(stored.Image, kind));
            }
        }

        matches.Sort((a, b) => NewestFirst.Instance.Compare(a.Image, b.Image));
        return new ImagePage([.. matches.Skip(page.Offset).Take(page.Limit)], matches.Count);
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">
    /// The change contradicts the catalogue it expects (an image or grant in the wrong catalogue, a missing image or
    /// grant, a duplicate grant, a deleted image left with grants, an update changing an image's creation time): a bug
    /// in the caller, not a race.
    /// </exception>
    public ValueTask<bool> TryCommitAsync(CatalogueChange change, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(change);
        return ValueTask.FromResult(TryCommit(change));
    }

    private bool TryCommit(CatalogueChange change)
    {
        lock (gate)
        {
            var entry = catalogues.GetValueOrDefault(change.Key);
            if ((entry?.Version ?? 0) != change.ExpectedVersion || AnyInUse(change.Added))
            {
                return false;
            }

            Validate(change, entry);
            Apply(change, entry ?? (catalogues[change.Key] = new CatalogueEntry()));
            return true;
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Holds the store's lock from the load to the commit, so racing writers queue and none loses a race;
    /// <paramref name="decide"/> runs under the lock, so it must be quick and must not call the store (the policy is pure).
    /// An image hidden from the caller, with no catalogue named, is loaded as a missing one (R6): no catalogue, no grants.
    /// </remarks>
    public ValueTask<bool> DecideAsync(FactsQuery query, Func<ImageFacts, CatalogueChange?> decide, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(query);
        Guard.Against.Null(decide);
        lock (gate)
        {
            // The lock is re-entrant: the load and the commit take it again, inside this hold.
            var change = decide(LoadFacts(query, deciding: true));
            return ValueTask.FromResult(change is null || TryCommit(change));
        }
    }

    /// <summary>True when the caller of <paramref name="query"/> can see the image (<see cref="ImagePolicy.KindFor"/>, R6).</summary>
    private static bool SeenBy(FactsQuery query, StoredImage stored) =>
        ImagePolicy.KindFor(stored.Image, query.Caller, query.Region, stored.Grants?.GetValueOrDefault(query.Caller)) is not null;

    private bool AnyInUse(ImmutableArray<Image> added)
    {
        foreach (var image in added)
        {
            if (images.ContainsKey(image.Id))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Each check in turn over every item, the first broken one thrown; plain loops, so a commit allocates no closure.</summary>
    private void Validate(CatalogueChange change, CatalogueEntry? entry)
    {
        change.ThrowIfSelfContradictory();
        foreach (var image in change.Updated)
        {
            CatalogueChange.Require(InCatalogue(image.Id, images.GetValueOrDefault(image.Id), change, entry), "an updated image is not in the catalogue");
            CatalogueChange.Require(CreatedAt(image.Id, change) == image.CreatedAt, "an updated image changes its creation time");
        }

        foreach (var id in change.Deleted)
        {
            CatalogueChange.Require(InCatalogue(id, images.GetValueOrDefault(id), change, entry), "a deleted image is not in the catalogue");
        }

        StoredImage? granted = null;
        foreach (var grant in change.GrantsAdded)
        {
            CatalogueChange.Require(InCatalogue(grant.ImageId, Find(grant.ImageId, ref granted), change, entry), "a grant is for an image outside the catalogue");
        }

        foreach (var grant in change.GrantsAdded)
        {
            CatalogueChange.Require(!HasGrant(Find(grant.ImageId, ref granted), grant.Recipient), "a grant exists already");
        }

        foreach (var grant in change.GrantsRemoved)
        {
            CatalogueChange.Require(HasGrant(Find(grant.ImageId, ref granted), grant.Recipient), "a removed grant does not exist");
        }

        foreach (var id in change.Deleted)
        {
            CatalogueChange.Require(GrantCount(id) == RemovedGrantCount(change, id), "a deleted image would keep grants");
        }
    }

    /// <summary>Whether image <paramref name="id"/> (<paramref name="stored"/> when the store holds it) is in the catalogue, or added to it by the change.</summary>
    private static bool InCatalogue(ImageId id, StoredImage? stored, CatalogueChange change, CatalogueEntry? entry)
    {
        if (entry is not null && stored is not null && stored.Catalogue == entry)
        {
            return true;
        }

        foreach (var image in change.Added)
        {
            if (image.Id == id)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>When the image in the catalogue (stored, or added by the change) was created; an update must keep it.</summary>
    private DateTimeOffset CreatedAt(ImageId id, CatalogueChange change)
    {
        if (images.TryGetValue(id, out var stored))
        {
            return stored.Image.CreatedAt;
        }

        foreach (var image in change.Added)
        {
            if (image.Id == id)
            {
                return image.CreatedAt;
            }
        }

        return default;
    }

    private static int RemovedGrantCount(CatalogueChange change, ImageId id)
    {
        var count = 0;
        foreach (var grant in change.GrantsRemoved)
        {
            if (grant.ImageId == id)
            {
                count++;
            }
        }

        return count;
    }

    private static bool HasGrant(StoredImage? stored, AccountId recipient) => stored?.Grants?.ContainsKey(recipient) == true;

    private int GrantCount(ImageId imageId) => images.TryGetValue(imageId, out var stored) ? stored.Grants?.Count ?? 0 : 0;

    private void Apply(CatalogueChange change, CatalogueEntry entry)
    {
        entry.Version++;
        entry.ForgetSnapshot();
        if (change.Event is { } saved)
        {
            pendingEvents[saved.Id] = saved;
        }

        foreach (var image in change.Added)
        {
            // Unpublished, so a read without the lock finds no image until the whole change is published below.
            images[image.Id] = new StoredImage(image, entry);
            entry.Newest.Add(image, edited);
        }

        foreach (var image in change.Updated)
        {
            var stored = images[image.Id];
            Replace(entry.Newest, stored.Image, image);
            ReplaceHeld(stored, image);
            stored.Update(image);
        }

        StoredImage? granted = null;
        foreach (var grant in change.GrantsRemoved)
        {
            RemoveGrant(grant, Find(grant.ImageId, ref granted)!);
        }

        foreach (var grant in change.GrantsAdded)
        {
            AddGrant(grant, Find(grant.ImageId, ref granted)!, change.GrantsAdded.Length);
        }

        foreach (var id in change.Deleted)
        {
            // Gone whole: a read without the lock that found it a moment ago still sees it as it was before the change.
            images.TryRemove(id, out var stored);
            entry.Newest.Remove(stored!.Image, edited);
        }

        Publish(change);
        foreach (var listing in edited)
        {
            listing.Publish();
        }

        edited.Clear();
    }

    /// <summary>Lists <paramref name="image"/>, the update of <paramref name="stored"/>, for each recipient of its grants as it lists it for its owner.</summary>
    private void ReplaceHeld(StoredImage stored, Image image)
    {
        if (stored.Grants is not { } grants)
        {
            return;
        }

        foreach (var grant in grants.Values)
        {
            if (IsListedAsShared(grant) && grantsHeld.GetValueOrDefault(grant.Recipient)?.In(grant.Region) is { } held)
            {
                Replace(held, stored.Image, image);
            }
        }
    }

    /// <summary>Puts <paramref name="image"/> in <paramref name="listing"/> in place of <paramref name="old"/>, at the same place: an update keeps the creation time and the id (see <see cref="Validate"/>).</summary>
    private void Replace(Listing listing, Image old, Image image)
    {
        listing.Remove(old, edited);
        listing.Add(image, edited);
    }

    /// <summary>
    /// Publishes each image the change added, updated or granted, with its grants, as one value (deleted images are
    /// no longer found): a read without the lock sees every image either before the change or after it, never between.
    /// </summary>
    private void Publish(CatalogueChange change)
    {
        StoredImage? last = null;
        foreach (var image in change.Added)
        {
            Find(image.Id, ref last)?.Publish();
        }

        foreach (var image in change.Updated)
        {
            Find(image.Id, ref last)?.Publish();
        }

        foreach (var grant in change.GrantsRemoved)
        {
            Find(grant.ImageId, ref last)?.Publish();
        }

        foreach (var grant in change.GrantsAdded)
        {
            Find(grant.ImageId, ref last)?.Publish();
        }
    }

    /// <summary>
    /// The stored image <paramref name="id"/>, or null: <paramref name="last"/> when it is that one, else looked up and
    /// remembered there. A change's grants are mostly of one image (a share), so this saves a lookup per grant.
    /// </summary>
    private StoredImage? Find(ImageId id, ref StoredImage? last) =>
        last is not null && last.Image.Id == id ? last : last = images.GetValueOrDefault(id);

    /// <summary>Adds <paramref name="grant"/> to its image's draft; <paramref name="adding"/> is how many grants the change adds in all, room made once.</summary>
    private void AddGrant(ShareGrant grant, StoredImage stored, int adding)
    {
        stored.EditGrants(adding).Add(grant.Recipient, grant);
        if (IsListedAsShared(grant))
        {
            if (!grantsHeld.TryGetValue(grant.Recipient, out var held))
            {
                grantsHeld[grant.Recipient] = held = new HeldImages();
            }

            held.For(grant.Region).Add(stored.Image, edited);
        }
    }

    private void RemoveGrant(ShareGrant grant, StoredImage stored)
    {
        // The recipient keeps its emptied index: sharing again reuses it. The grant as stored says where it is
        // indexed, whatever else the caller's copy says.
        stored.EditGrants(adding: 0).Remove(grant.Recipient, out var removed);
        if (IsListedAsShared(removed!) && grantsHeld.TryGetValue(removed!.Recipient, out var held))
        {
            held.In(removed.Region)?.Remove(stored.Image, edited);
        }
    }

    /// <summary>
    /// A grant lists its image as shared with its recipient unless the recipient owns it (the engine never makes such
    /// a grant, R23; <see cref="ImagePolicy.KindFor"/> calls the image custom for its owner).
    /// </summary>
    private static bool IsListedAsShared(ShareGrant grant) => grant.Recipient != grant.Owner;

    /// <summary>A listing's order: newest first, ties by ascending id (ordinal).</summary>
    private sealed class NewestFirst : IComparer<Image>
    {
        public static readonly NewestFirst Instance = new();

        public int Compare(Image? x, Image? y)
        {
            var byTime = y!.CreatedAt.CompareTo(x!.CreatedAt);
            return byTime != 0 ? byTime : string.CompareOrdinal(x.Id.Value, y.Id.Value);
        }
    }

    /// <summary>
    /// Images newest first (ties by id), as a listing orders them: a catalogue's, or those an account holds grants for
    /// in a region. Published as one immutable set, for a read without the lock; a change being applied edits a draft
    /// (an immutable set sharing all but the path to the edit with the published one, so an edit costs in proportion
    /// to the log of the count, not the count), under the store's lock, and publishes it at its end, so a reader sees
    /// the listing as one change left it.
    /// </summary>
    private sealed class Listing
    {
        private static readonly ImmutableSortedSet<Image> None = ImmutableSortedSet.Create<Image>(NewestFirst.Instance);
        private volatile ImmutableSortedSet<Image> published = None;
        private ImmutableSortedSet<Image>? draft;

        /// <summary>The images as the last change left them.</summary>
        public ImmutableSortedSet<Image> Published => published;

        /// <summary>Adds <paramref name="image"/> to the draft, remembering the listing in <paramref name="edited"/> on its first edit of a change.</summary>
        public void Add(Image image, List<Listing> edited) => draft = Draft(edited).Add(image);

        /// <summary>Removes the image <paramref name="image"/> stands for (by creation time and id) from the draft.</summary>
        public void Remove(Image image, List<Listing> edited) => draft = Draft(edited).Remove(image);

        /// <summary>Publishes the draft as one value.</summary>
        public void Publish()
        {
            published = draft!;
            draft = null;
        }

        // A change edits the set itself, not a builder: most changes edit a listing once, and a builder would cost
        // one more object and a pass to freeze it.
        private ImmutableSortedSet<Image> Draft(List<Listing> edited)
        {
            if (draft is null)
            {
                edited.Add(this);
                return published;
            }

            return draft;
        }
    }

    /// <summary>One listing a page merges, with the kind its images have for the viewer, and whether its enumerator has an image left.</summary>
    private struct Source
    {
        public ImmutableSortedSet<Image> Images;
        public ImageKind Kind;
        public bool Live;
    }

    /// <summary>The at most three listings a page merges (public, custom, shared), kept on the stack.</summary>
    [InlineArray(3)]
    private struct Sources
    {
        private Source first;
    }

    /// <summary>The listings' enumerators, structs moved in place in their slots.</summary>
    [InlineArray(3)]
    private struct Heads
    {
        private ImmutableSortedSet<Image>.Enumerator first;
    }

    /// <summary>
    /// An image as stored: the image at its catalogue's current version with its grants by recipient, published as
    /// one value, and the catalogue it belongs to, so one lookup by id answers a read. A change being applied edits a
    /// draft, under the store's lock, and publishes it at its end (<see cref="Publish"/>).
    /// </summary>
    private sealed class StoredImage(Image image, CatalogueEntry catalogue)
    {
        private volatile ImageWithGrants? published;
        private Image? draftImage = image;
        private Dictionary<AccountId, ShareGrant>? draftGrants;

        public CatalogueEntry Catalogue { get; } = catalogue;

        /// <summary>The image and its grants as the last change left them, for a read without the lock; null until the change adding the image is published.</summary>
        public ImageWithGrants? Published => published;

        /// <summary>The image, under the lock: as the change being applied leaves it.</summary>
        public Image Image => draftImage ?? published!.Image;

        /// <summary>The image's grants by recipient, under the lock: as the change being applied leaves them; null when none.</summary>
        public Dictionary<AccountId, ShareGrant>? Grants => draftGrants ?? published?.Grants;

        /// <summary>Replaces the image in the draft.</summary>
        public void Update(Image image) => draftImage = image;

        /// <summary>
        /// The draft's grants to change: a copy of the published ones (never changed themselves), made once per change
        /// with room for <paramref name="adding"/> more, so a share of many accounts fills it without growing it.
        /// </summary>
        public Dictionary<AccountId, ShareGrant> EditGrants(int adding)
        {
            if (draftGrants is null)
            {
                var grants = published?.Grants;
                draftGrants = new Dictionary<AccountId, ShareGrant>((grants?.Count ?? 0) + adding);
                if (grants is not null)
                {
                    foreach (var (recipient, grant) in grants)
                    {
                        draftGrants.Add(recipient, grant);
                    }
                }
            }

            return draftGrants;
        }

        /// <summary>Publishes the draft, if any, as one value (no grants left is none, null); a read without the lock sees it whole from now on.</summary>
        public void Publish()
        {
            if (draftImage is null && draftGrants is null)
            {
                return;
            }

            var grants = draftGrants is null ? published?.Grants : draftGrants.Count > 0 ? draftGrants : null;
            published = new ImageWithGrants(Image, grants);
            draftImage = null;
            draftGrants = null;
        }
    }

    /// <summary>An image and its grants by recipient (null when none), never changed once published, so read whole without the lock.</summary>
    private sealed class ImageWithGrants(Image image, Dictionary<AccountId, ShareGrant>? grants)
    {
        public Image Image { get; } = image;

        public Dictionary<AccountId, ShareGrant>? Grants { get; } = grants;
    }

    /// <summary>
    /// The images one account holds grants for, newest first per region (as a listing orders them). An account holds
    /// grants in few regions, so they are found by a scan. Kept, emptied, once the grants are cancelled (at most one
    /// per account and region that ever held a grant), so sharing with the account again makes nothing and the
    /// commit hashes the account once. Changed only under the store's lock.
    /// </summary>
    private sealed class HeldImages
    {
        // Replaced whole when a region is added, so a read without the lock scans a list no writer changes.
        private volatile (RegionId Region, Listing Images)[] byRegion = [];

        /// <summary>The images held in <paramref name="region"/>, or null when none ever was.</summary>
        public Listing? In(RegionId region)
        {
            foreach (var (held, images) in byRegion)
            {
                if (held == region)
                {
                    return images;
                }
            }

            return null;
        }

        /// <summary>The images held in <paramref name="region"/>, made empty the first time (under the store's lock).</summary>
        public Listing For(RegionId region)
        {
            var images = In(region);
            if (images is null)
            {
                images = new Listing();
                byRegion = [.. byRegion, (region, images)];
            }

            return images;
        }
    }

    /// <summary>One catalogue: its version, its images newest first, and the list of its images at that version once a load asked for it.</summary>
    /// <remarks>
    /// The list is made once per version and shared by every load at that version (an immutable array of immutable
    /// images), so a read that loads a catalogue copies nothing: a launch of a public image loads the region's public
    /// catalogue, every public image there. Every change to the catalogue's images goes through <see cref="Apply"/>,
    /// which forgets the list; all under the store's lock.
    /// </remarks>
    private sealed class CatalogueEntry
    {
        private ImmutableArray<Image> snapshot;

        public long Version { get; set; }

        /// <summary>The catalogue's images, newest first (ties by id), as a listing orders them.</summary>
        public Listing Newest { get; } = new();

        /// <summary>The catalogue's images, oldest first (ties by id descending), made on first use at this version.</summary>
        public ImmutableArray<Image> Snapshot()
        {
            if (snapshot.IsDefault)
            {
                var images = Newest.Published;
                var builder = ImmutableArray.CreateBuilder<Image>(images.Count);
                foreach (var image in images.Reverse())
                {
                    builder.Add(image);
                }

                snapshot = builder.MoveToImmutable();
            }

            return snapshot;
        }

        /// <summary>Called when the catalogue's images change: the next load makes the list anew.</summary>
        public void ForgetSnapshot() => snapshot = default;
    }
}
