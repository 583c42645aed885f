using System.Collections.Immutable;
using Ardalis.GuardClauses;
using ImageRules.Domain;
using ImageRules.Policy;

namespace ImageRules.Storage;

/// <summary>
/// The default store: regions, accounts, images and grants in memory, thread-safe, forgotten when the process ends.
/// </summary>
/// <remarks>
/// One lock guards all state; each operation holds it only for its own work. Indexes by id, by catalogue and by
/// recipient and region make every query cost in proportion to its answer: listing what an account sees in a region
/// reads that region's public images, the account's own images there and its grants there, never the whole store.
/// Images and grants are immutable records, so returned values are safe to share.
/// </remarks>
public sealed class InMemoryImageStore : IImageStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<AccountId, Account> accounts = [];
    private readonly Dictionary<RegionId, Region> regions = [];
    private readonly Dictionary<ImageId, StoredImage> images = [];
    private readonly Dictionary<CatalogueKey, CatalogueEntry> catalogues = [];
    private readonly Dictionary<(AccountId Recipient, RegionId Region), Dictionary<ImageId, ShareGrant>> grantsHeld = [];

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
        lock (gate)
        {
            // One lookup finds the image, its catalogue and its grants.
            var stored = query.Image is { } id ? images.GetValueOrDefault(id) : null;
            var catalogue = query.Catalogue is { } key ? catalogues.GetValueOrDefault(key) : stored?.Catalogue;
            return ValueTask.FromResult(new ImageFacts
            {
                Caller = accounts.GetValueOrDefault(query.Caller),
                Region = regions.GetValueOrDefault(query.Region),
                Image = stored?.Image,
                Grants = stored is null ? [] : GrantsOf(stored, query),
                Catalogue = catalogue is null ? [] : catalogue.Snapshot(images),
                Version = catalogue?.Version ?? 0,
                TargetRegion = query.TargetRegion is { } target ? regions.GetValueOrDefault(target) : null,
                Accounts = query.Accounts.IsDefaultOrEmpty ? ImmutableDictionary<AccountId, Account>.Empty : FindAccounts(query.Accounts),
            });
        }
    }

    /// <summary>
    /// A launch decided on the facts <see cref="LoadFactsAsync"/> gives a launch's query (the caller, the region, the
    /// image and the caller's grant; a launch reads no catalogue), read under the lock and handed to the policy without
    /// building an <see cref="ImageFacts"/>: the service's launch over this store allocates nothing.
    /// </summary>
    internal LaunchDecision DecideLaunch(ImagePolicy policy, LaunchImage request)
    {
        Account? caller;
        Region? region;
        Image? image;
        ShareGrant? grant;
        lock (gate)
        {
            caller = accounts.GetValueOrDefault(request.Caller);
            region = regions.GetValueOrDefault(request.Region);
            var stored = images.GetValueOrDefault(request.ImageId);
            image = stored?.Image;
            grant = stored?.Grants is { Count: > 0 } grants ? grants.GetValueOrDefault(request.Caller) : null;
        }

        // As through LoadFactsAsync, the time is unset: it matters only to an image in progress, refused either way (R37).
        return policy.DecideLaunch(request, caller, region, image, grant, now: default);
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
    public ValueTask<Image?> FindImageAsync(ImageId id, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return ValueTask.FromResult(images.GetValueOrDefault(id)?.Image);
        }
    }

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
    public ValueTask<ImagePage> QueryVisibleAsync(AccountId viewer, RegionId region, ImageFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(filter);
        Guard.Against.Null(page);
        var matches = new List<VisibleImage>();
        lock (gate)
        {
            if (filter.ImageIds is { } ids)
            {
                CollectByIds(viewer, region, filter, ids, matches);
            }
            else
            {
                CollectVisible(viewer, region, filter, matches);
            }
        }

        matches.Sort(NewestFirst);
        var items = matches.Skip(page.Offset).Take(page.Limit).ToImmutableArray();
        return ValueTask.FromResult(new ImagePage(items, matches.Count));
    }

    private void CollectVisible(AccountId viewer, RegionId region, ImageFilter filter, List<VisibleImage> matches)
    {
        if (filter.Kind is null or ImageKind.Public)
        {
            CollectCatalogue(new CatalogueKey(null, region), ImageKind.Public, filter, matches);
        }

        if (filter.Kind is null or ImageKind.Custom)
        {
            CollectCatalogue(new CatalogueKey(viewer, region), ImageKind.Custom, filter, matches);
        }

        if (filter.Kind is null or ImageKind.Shared && grantsHeld.TryGetValue((viewer, region), out var held))
        {
            foreach (var id in held.Keys)
            {
                AddIfMatching(images[id].Image, ImageKind.Shared, filter, matches);
            }
        }
    }

    private void CollectCatalogue(CatalogueKey key, ImageKind kind, ImageFilter filter, List<VisibleImage> matches)
    {
        if (catalogues.TryGetValue(key, out var entry))
        {
            foreach (var id in entry.Ids)
            {
                AddIfMatching(images[id].Image, kind, filter, matches);
            }
        }
    }

    private void CollectByIds(AccountId viewer, RegionId region, ImageFilter filter, ImmutableArray<ImageId> ids, List<VisibleImage> matches)
    {
        foreach (var id in ids.Distinct())
        {
            if (images.TryGetValue(id, out var stored) && ImagePolicy.KindFor(stored.Image, viewer, region, stored.Grants?.GetValueOrDefault(viewer)) is { } kind)
            {
                AddIfMatching(stored.Image, kind, filter, matches);
            }
        }
    }

    private ShareGrant? GrantOf(ImageId imageId, AccountId recipient) =>
        images.TryGetValue(imageId, out var stored) ? stored.Grants?.GetValueOrDefault(recipient) : null;

    private static void AddIfMatching(Image image, ImageKind kind, ImageFilter filter, List<VisibleImage> matches)
    {
        if (filter.Matches(image, kind))
        {
            matches.Add(new VisibleImage(image, kind));
        }
    }

    private static int NewestFirst(VisibleImage a, VisibleImage b)
    {
        var byTime = b.Image.CreatedAt.CompareTo(a.Image.CreatedAt);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.Image.Id.Value, b.Image.Id.Value);
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">
    /// The change contradicts the catalogue it expects (an image or grant in the wrong catalogue, a missing image or
    /// grant, a duplicate grant, a deleted image left with grants): a bug in the caller, not a race.
    /// </exception>
    public ValueTask<bool> TryCommitAsync(CatalogueChange change, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(change);
        lock (gate)
        {
            var entry = catalogues.GetValueOrDefault(change.Key);
            if ((entry?.Version ?? 0) != change.ExpectedVersion || AnyInUse(change.Added))
            {
                return ValueTask.FromResult(false);
            }

            Validate(change, entry);
            Apply(change, entry ?? (catalogues[change.Key] = new CatalogueEntry()));
            return ValueTask.FromResult(true);
        }
    }

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
            CatalogueChange.Require(InCatalogue(image.Id, change, entry), "an updated image is not in the catalogue");
        }

        foreach (var id in change.Deleted)
        {
            CatalogueChange.Require(InCatalogue(id, change, entry), "a deleted image is not in the catalogue");
        }

        foreach (var grant in change.GrantsAdded)
        {
            CatalogueChange.Require(InCatalogue(grant.ImageId, change, entry), "a grant is for an image outside the catalogue");
        }

        foreach (var grant in change.GrantsAdded)
        {
            CatalogueChange.Require(!HasGrant(grant.ImageId, grant.Recipient), "a grant exists already");
        }

        foreach (var grant in change.GrantsRemoved)
        {
            CatalogueChange.Require(HasGrant(grant.ImageId, grant.Recipient), "a removed grant does not exist");
        }

        foreach (var id in change.Deleted)
        {
            CatalogueChange.Require(GrantCount(id) == RemovedGrantCount(change, id), "a deleted image would keep grants");
        }
    }

    private static bool InCatalogue(ImageId id, CatalogueChange change, CatalogueEntry? entry)
    {
        if (entry?.Ids.Contains(id) == true)
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

    private bool HasGrant(ImageId imageId, AccountId recipient) => GrantOf(imageId, recipient) is not null;

    private int GrantCount(ImageId imageId) => images.TryGetValue(imageId, out var stored) ? stored.Grants?.Count ?? 0 : 0;

    private void Apply(CatalogueChange change, CatalogueEntry entry)
    {
        entry.Version++;
        entry.ForgetSnapshot();
        foreach (var image in change.Added)
        {
            images.Add(image.Id, new StoredImage(image, entry));
            entry.Ids.Add(image.Id);
        }

        foreach (var image in change.Updated)
        {
            images[image.Id].Image = image;
        }

        foreach (var grant in change.GrantsRemoved)
        {
            RemoveGrant(grant);
        }

        foreach (var grant in change.GrantsAdded)
        {
            AddGrant(grant);
        }

        foreach (var id in change.Deleted)
        {
            images.Remove(id);
            entry.Ids.Remove(id);
        }
    }

    private void AddGrant(ShareGrant grant)
    {
        (images[grant.ImageId].Grants ??= []).Add(grant.Recipient, grant);
        GetOrAdd(grantsHeld, (grant.Recipient, grant.Region)).Add(grant.ImageId, grant);
    }

    private void RemoveGrant(ShareGrant grant)
    {
        // The image keeps its emptied dictionary (with its capacity) until it is deleted: sharing again reuses it.
        images[grant.ImageId].Grants!.Remove(grant.Recipient);

        RemoveNested(grantsHeld, (grant.Recipient, grant.Region), grant.ImageId);
    }

    private static Dictionary<TInner, ShareGrant> GetOrAdd<TKey, TInner>(Dictionary<TKey, Dictionary<TInner, ShareGrant>> index, TKey key)
        where TKey : notnull
        where TInner : notnull
    {
        if (!index.TryGetValue(key, out var inner))
        {
            index[key] = inner = [];
        }

        return inner;
    }

    private static void RemoveNested<TKey, TInner>(Dictionary<TKey, Dictionary<TInner, ShareGrant>> index, TKey key, TInner innerKey)
        where TKey : notnull
        where TInner : notnull
    {
        if (index.TryGetValue(key, out var inner) && inner.Remove(innerKey) && inner.Count == 0)
        {
            index.Remove(key);
        }
    }

    /// <summary>
    /// An image as stored: the image at its catalogue's current version, the catalogue it belongs to, and its grants
    /// by recipient (null when none), so one lookup by id answers a read. Changed only under the store's lock.
    /// </summary>
    private sealed class StoredImage(Image image, CatalogueEntry catalogue)
    {
        public Image Image { get; set; } = image;

        public CatalogueEntry Catalogue { get; } = catalogue;

        /// <summary>The image's grants by recipient: null until its first grant, then kept (perhaps empty) for as long as the image.</summary>
        public Dictionary<AccountId, ShareGrant>? Grants { get; set; }
    }

    /// <summary>One catalogue: its version, its image ids, and the list of its images at that version once a load asked for it.</summary>
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

        public HashSet<ImageId> Ids { get; } = [];

        /// <summary>The catalogue's images, in the order of <see cref="Ids"/>, made on first use at this version.</summary>
        public ImmutableArray<Image> Snapshot(Dictionary<ImageId, StoredImage> images)
        {
            if (snapshot.IsDefault)
            {
                var builder = ImmutableArray.CreateBuilder<Image>(Ids.Count);
                foreach (var id in Ids)
                {
                    builder.Add(images[id].Image);
                }

                snapshot = builder.MoveToImmutable();
            }

            return snapshot;
        }

        /// <summary>Called when the catalogue's images change: the next load makes the list anew.</summary>
        public void ForgetSnapshot() => snapshot = default;
    }
}
