using System.Collections.Concurrent;
using System.Collections.Immutable;
using Ardalis.GuardClauses;
using ImageRules.Domain.Events;
using ImageRules.Domain;
using ImageRules.Policy;

namespace ImageRules.Storage;

/// <summary>
/// The default store: regions, accounts, images and grants in memory, thread-safe, forgotten when the process ends.
/// </summary>
/// <remarks>
/// <para>One lock serialises the writers and every read but two; each operation holds it only for its own work. A
/// launch decision and finding an image by id take no lock: accounts, regions and images are kept in concurrent
/// dictionaries, and each image with its grants is one immutable value, published whole when a change is applied,
/// so such a read sees an image and its grants as one change left them. Indexes by id, by catalogue and by
/// recipient and region make every query cost in proportion to its answer, never to the whole store.</para>
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
    private readonly Dictionary<CatalogueKey, CatalogueEntry> catalogues = [];
    private readonly Dictionary<AccountId, HeldImages> grantsHeld = [];
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
        lock (gate)
        {
            // One lookup finds the image, its catalogue and its grants.
            var stored = query.Image is { } id ? images.GetValueOrDefault(id) : null;
            if (stored is not null && query.LoadsAsSeen(deciding) && !SeenBy(query, stored))
            {
                stored = null;
            }

            var catalogue = query.Catalogue is { } key ? catalogues.GetValueOrDefault(key) : query.ImageAsSeen ? null : stored?.Catalogue;
            return new ImageFacts
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
        }
    }

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
    public ValueTask<ImagePage> QueryVisibleAsync(AccountId viewer, RegionId region, ImageFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(filter);
        Guard.Against.Null(page);
        lock (gate)
        {
            return ValueTask.FromResult(filter.ImageIds is { } ids ? PageOfIds(viewer, region, filter, ids, page) : PageOfVisible(viewer, region, filter, page));
        }
    }

    /// <summary>
    /// Merges the visible kinds' ordered sequences: with no filter but kind, stops after the page and sums the
    /// sequences' counts; with one, goes through them all to count the matches.
    /// </summary>
    private ImagePage PageOfVisible(AccountId viewer, RegionId region, ImageFilter filter, PageRequest page)
    {
        var sources = new List<(SortedSet<StoredImage> Images, ImageKind Kind)>(3);
        AddSource(sources, filter, ImageKind.Public, catalogues.GetValueOrDefault(new CatalogueKey(null, region))?.Newest);
        AddSource(sources, filter, ImageKind.Custom, catalogues.GetValueOrDefault(new CatalogueKey(viewer, region))?.Newest);
        AddSource(sources, filter, ImageKind.Shared, grantsHeld.GetValueOrDefault(viewer)?.In(region));
        // The cutoff of R37 narrows nothing without a state filter.
        var countedByKind = filter with { Kind = null, TimedOutBefore = null } == ImageFilter.None;
        var items = ImmutableArray.CreateBuilder<VisibleImage>(page.Limit);
        var matches = 0;
        foreach (var seen in Merge(sources))
        {
            if (countedByKind || filter.Matches(seen.Image, seen.Kind))
            {
                if (matches++ >= page.Offset && items.Count < page.Limit)
                {
                    items.Add(seen);
                }

                if (countedByKind && items.Count == page.Limit)
                {
                    break;
                }
            }
        }

        return new ImagePage(items.ToImmutable(), countedByKind ? sources.Sum(s => s.Images.Count) : matches);
    }

    private static void AddSource(List<(SortedSet<StoredImage> Images, ImageKind Kind)> sources, ImageFilter filter, ImageKind kind, SortedSet<StoredImage>? images)
    {
        if (filter.Kind is null || filter.Kind == kind)
        {
            if (images is { Count: > 0 })
            {
                sources.Add((images, kind));
            }
        }
    }

    /// <summary>The images of every source, newest first (ties by id): each step takes the first of the sources' heads.</summary>
    private static IEnumerable<VisibleImage> Merge(List<(SortedSet<StoredImage> Images, ImageKind Kind)> sources)
    {
        // Enumerators are structs: each is moved in place, in its array slot.
        var heads = new SortedSet<StoredImage>.Enumerator[sources.Count];
        var live = new bool[sources.Count];
        for (var i = 0; i < heads.Length; i++)
        {
            heads[i] = sources[i].Images.GetEnumerator();
            live[i] = heads[i].MoveNext();
        }

        while (true)
        {
            var next = -1;
            for (var i = 0; i < heads.Length; i++)
            {
                if (live[i] && (next < 0 || NewestFirst.Instance.Compare(heads[i].Current, heads[next].Current) < 0))
                {
                    next = i;
                }
            }

            if (next < 0)
            {
                yield break;
            }

            yield return new VisibleImage(heads[next].Current.Image, sources[next].Kind);
            live[next] = heads[next].MoveNext();
        }
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

        matches.Sort((a, b) => NewestFirst.Compare(a.Image, b.Image));
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
            var stored = new StoredImage(image, entry);
            images[image.Id] = stored;
            entry.Newest.Add(stored);
        }

        foreach (var image in change.Updated)
        {
            // Its place in the ordered sets stays right: an update keeps the creation time and the id (see Validate).
            images[image.Id].Update(image);
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
            entry.Newest.Remove(stored!);
        }

        Publish(change);
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

            held.For(grant.Region).Add(stored);
        }
    }

    private void RemoveGrant(ShareGrant grant, StoredImage stored)
    {
        // The recipient keeps its emptied index: sharing again reuses it. The grant as stored says where it is
        // indexed, whatever else the caller's copy says.
        stored.EditGrants(adding: 0).Remove(grant.Recipient, out var removed);
        if (IsListedAsShared(removed!) && grantsHeld.TryGetValue(removed!.Recipient, out var held))
        {
            held.In(removed.Region)?.Remove(stored);
        }
    }

    /// <summary>
    /// A grant lists its image as shared with its recipient unless the recipient owns it (the engine never makes such
    /// a grant, R23; <see cref="ImagePolicy.KindFor"/> calls the image custom for its owner).
    /// </summary>
    private static bool IsListedAsShared(ShareGrant grant) => grant.Recipient != grant.Owner;

    /// <summary>A listing's order: newest first, ties by ascending id (ordinal).</summary>
    private sealed class NewestFirst : IComparer<StoredImage>
    {
        public static readonly NewestFirst Instance = new();

        public static int Compare(Image x, Image y)
        {
            var byTime = y.CreatedAt.CompareTo(x.CreatedAt);
            return byTime != 0 ? byTime : string.CompareOrdinal(x.Id.Value, y.Id.Value);
        }

        public int Compare(StoredImage? x, StoredImage? y) => Compare(x!.Image, y!.Image);
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
        private readonly List<(RegionId Region, SortedSet<StoredImage> Images)> byRegion = new(1);

        /// <summary>The images held in <paramref name="region"/>, or null when none ever was.</summary>
        public SortedSet<StoredImage>? In(RegionId region)
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

        /// <summary>The images held in <paramref name="region"/>, made empty the first time.</summary>
        public SortedSet<StoredImage> For(RegionId region)
        {
            var images = In(region);
            if (images is null)
            {
                images = new SortedSet<StoredImage>(NewestFirst.Instance);
                byRegion.Add((region, images));
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
        public SortedSet<StoredImage> Newest { get; } = new(NewestFirst.Instance);

        /// <summary>The catalogue's images, oldest first (ties by id descending), made on first use at this version.</summary>
        public ImmutableArray<Image> Snapshot()
        {
            if (snapshot.IsDefault)
            {
                var builder = ImmutableArray.CreateBuilder<Image>(Newest.Count);
                foreach (var stored in Newest.Reverse())
                {
                    builder.Add(stored.Image);
                }

                snapshot = builder.MoveToImmutable();
            }

            return snapshot;
        }

        /// <summary>Called when the catalogue's images change: the next load makes the list anew.</summary>
        public void ForgetSnapshot() => snapshot = default;
    }
}
