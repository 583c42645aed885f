using System.Collections.Immutable;
using System.Data.Common;
using System.Text;
using ImageRules.Domain;
using ImageRules.Persistence;
using ImageRules.Policy;

namespace ImageRules.Relational;

/// <summary>
/// Images and share grants in a SQL database, implementing both <see cref="IImageRepository"/> and
/// <see cref="IShareGrantRepository"/> over the same tables, as their contract asks.
/// </summary>
/// <remarks>
/// <para><b>Concurrency.</b> <see cref="TryCommitAsync"/> runs one write transaction that first advances the
/// catalogue's row in <c>catalogues</c> from the expected version (inserting it at version 1 when 0 was expected, the
/// primary key letting only one first writer win), then applies every part of the change, each of which must touch
/// exactly one row of that catalogue. A lost race (the version moved on, an added id is taken) and any conflict the
/// database reports roll the whole transaction back and answer false, never an exception; a change that contradicts
/// its own catalogue throws, also writing nothing. So any number of processes may share the database: together they can never exceed a quota or share limit decided on a catalogue version, nor leave a grant on
/// a deleted image (a foreign key also forbids it), and a commit that answered true is durable.</para>
/// <para><b>Reads.</b> Each read is one statement, so it sees one consistent state: a catalogue is read with its
/// version in one statement. Text filters of a listing are applied as <see cref="ImageFilter.Matches"/> does, so
/// every store answers alike; the rows read are only the viewer's visible images in the region (see
/// <see cref="QueryVisibleAsync"/>).</para>
/// <para>Thread-safe; holds no state but its <see cref="RelationalDatabase"/>.</para>
/// </remarks>
public sealed partial class RelationalImageStore : IImageRepository, IShareGrantRepository
{
    private static readonly ImmutableArray<ImageKind> KindByBranch = [ImageKind.Public, ImageKind.Custom, ImageKind.Shared];

    private readonly RelationalDatabase database;

    /// <summary>Makes a store over <paramref name="database"/>.</summary>
    public RelationalImageStore(RelationalDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.database = database;
    }

    /// <summary>How many images are stored, in every catalogue.</summary>
    public async ValueTask<int> CountImagesAsync(CancellationToken cancellationToken = default)
    {
        var counted = await database.QueryAsync("SELECT COUNT(*) FROM images", _ => { }, r => r.GetInt64(0), cancellationToken).ConfigureAwait(false);
        return checked((int)counted[0]);
    }

    /// <inheritdoc/>
    public async ValueTask<Image?> FindAsync(ImageId id, CancellationToken cancellationToken = default)
    {
        var found = await database.QueryAsync(
            $"SELECT {ImageRows.Columns} FROM images i WHERE i.id = @id",
            c => c.With("id", id.Value),
            r => ImageRows.Read(r),
            cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc/>
    public async ValueTask<ImageCatalogue> GetCatalogueAsync(CatalogueKey key, CancellationToken cancellationToken = default)
    {
        // One statement, so the version and the images are read from the same state.
        var rows = await database.QueryAsync(
            $"""
            SELECT v.version, {ImageRows.Columns}
            FROM (SELECT COALESCE((SELECT version FROM catalogues WHERE owner = @owner AND region = @region), 0) AS version) v
            LEFT JOIN images i ON i.owner = @owner AND i.region = @region
            """,
            c => c.With("owner", ImageRows.Owner(key.Owner)).With("region", key.Region.Value),
            r => (Version: r.GetInt64(0), Image: r.IsDBNull(1) ? null : ImageRows.Read(r, 1)),
            cancellationToken).ConfigureAwait(false);
        var images = rows.Where(row => row.Image is not null).Select(row => row.Image!).Order(OldestFirst.Instance).ToImmutableArray();
        return new ImageCatalogue(key, rows[0].Version, images);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// One statement reads the region's public images and the viewer's own (index <c>images (owner, region)</c>) and
    /// the images it holds grants for there (index <c>grants (recipient, region)</c>), narrowed in SQL by kind, ids,
    /// family, architecture and state; the text filters, the order and the page are applied to those rows.
    /// </remarks>
    public async ValueTask<ImagePage> QueryVisibleAsync(AccountId viewer, RegionId region, ImageFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        var ids = filter.ImageIds?.Distinct().ToImmutableArray();
        if (ids is { IsEmpty: true })
        {
            return new ImagePage([], 0);
        }

        var rows = await database.QueryAsync(
            VisibleImagesSql(filter, ids),
            c => BindVisibleImages(c, viewer, region, filter, ids),
            r => new VisibleImage(ImageRows.Read(r), KindByBranch[r.GetInt32(ImageRows.Count)]),
            cancellationToken).ConfigureAwait(false);
        var matches = rows.Where(v => filter.Matches(v.Image, v.Kind)).Order(NewestFirst.Instance).ToList();
        return new ImagePage([.. matches.Skip(page.Offset).Take(page.Limit)], matches.Count);
    }

    private static string VisibleImagesSql(ImageFilter filter, ImmutableArray<ImageId>? ids)
    {
        var narrowing = new StringBuilder();
        if (ids is { } some)
        {
            narrowing.Append(" AND i.id IN (").AppendJoin(", ", Enumerable.Range(0, some.Length).Select(n => $"@id{n}")).Append(')');
        }

        narrowing.Append(filter.OsFamily is null ? string.Empty : " AND i.os_family = @os_family")
            .Append(filter.Architecture is null ? string.Empty : " AND i.architecture = @architecture")
            .Append(filter.State is null ? string.Empty : " AND i.state = @state");

        var branches = new List<string>(3);
        if (filter.Kind is null or ImageKind.Public)
        {
            branches.Add($"SELECT {ImageRows.Columns}, 0 FROM images i WHERE i.owner = @public AND i.region = @region{narrowing}");
        }

        if (filter.Kind is null or ImageKind.Custom)
        {
            branches.Add($"SELECT {ImageRows.Columns}, 1 FROM images i WHERE i.owner = @viewer AND i.region = @region{narrowing}");
        }

        if (filter.Kind is null or ImageKind.Shared)
        {
            branches.Add($"SELECT {ImageRows.Columns}, 2 FROM grants g JOIN images i ON i.id = g.image_id WHERE g.recipient = @viewer AND g.region = @region{narrowing}");
        }

        return string.Join(" UNION ALL ", branches);
    }

    private static void BindVisibleImages(DbCommand command, AccountId viewer, RegionId region, ImageFilter filter, ImmutableArray<ImageId>? ids)
    {
        command.With("public", Schema.PublicOwner).With("viewer", viewer.Value).With("region", region.Value);
        if (ids is { } some)
        {
            for (var n = 0; n < some.Length; n++)
            {
                command.With($"id{n}", some[n].Value);
            }
        }

        if (filter.OsFamily is { } family)
        {
            command.With("os_family", family.ToString());
        }

        if (filter.Architecture is { } architecture)
        {
            command.With("architecture", architecture.ToString());
        }

        if (filter.State is { } state)
        {
            command.With("state", state.ToString());
        }
    }

    /// <inheritdoc/>
    async ValueTask<ShareGrant?> IShareGrantRepository.FindAsync(ImageId imageId, AccountId recipient, CancellationToken cancellationToken)
    {
        var found = await database.QueryAsync(
            $"SELECT {GrantRows.Columns} FROM grants g WHERE g.image_id = @image_id AND g.recipient = @recipient",
            c => c.With("image_id", imageId.Value).With("recipient", recipient.Value),
            GrantRows.Read,
            cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc/>
    public async ValueTask<ImmutableArray<ShareGrant>> ListForImageAsync(ImageId imageId, CancellationToken cancellationToken = default)
    {
        var found = await database.QueryAsync(
            $"SELECT {GrantRows.Columns} FROM grants g WHERE g.image_id = @image_id",
            c => c.With("image_id", imageId.Value),
            GrantRows.Read,
            cancellationToken).ConfigureAwait(false);
        return [.. found];
    }

    /// <inheritdoc/>
    public async ValueTask<ImmutableArray<ShareGrant>> ListHeldAsync(AccountId recipient, RegionId region, CancellationToken cancellationToken = default)
    {
        var found = await database.QueryAsync(
            $"SELECT {GrantRows.Columns} FROM grants g WHERE g.recipient = @recipient AND g.region = @region",
            c => c.With("recipient", recipient.Value).With("region", region.Value),
            GrantRows.Read,
            cancellationToken).ConfigureAwait(false);
        return [.. found];
    }

    /// <summary>A listing's order: newest first, ties by id, as <see cref="InMemoryImageStore"/> lists.</summary>
    private sealed class NewestFirst : IComparer<VisibleImage>
    {
        public static readonly NewestFirst Instance = new();

        public int Compare(VisibleImage? x, VisibleImage? y)
        {
            var byTime = y!.Image.CreatedAt.CompareTo(x!.Image.CreatedAt);
            return byTime != 0 ? byTime : string.CompareOrdinal(x.Image.Id.Value, y.Image.Id.Value);
        }
    }

    /// <summary>A catalogue's order: oldest first, ties by id, so a snapshot lists its images in a stable order.</summary>
    private sealed class OldestFirst : IComparer<Image>
    {
        public static readonly OldestFirst Instance = new();

        public int Compare(Image? x, Image? y)
        {
            var byTime = x!.CreatedAt.CompareTo(y!.CreatedAt);
            return byTime != 0 ? byTime : string.CompareOrdinal(x.Id.Value, y.Id.Value);
        }
    }
}
