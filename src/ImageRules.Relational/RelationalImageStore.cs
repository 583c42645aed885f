using System.Collections.Immutable;
using System.Data.Common;
using System.Text;
using Ardalis.GuardClauses;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Storage;

namespace ImageRules.Relational;

/// <summary>
/// The <see cref="IImageStore"/> over a SQL database: regions, accounts, images and their grants in one store, with the
/// same contract as <see cref="InMemoryImageStore"/>. Reached through <c>UseSqlite</c> or <c>UsePostgreSql</c>.
/// </summary>
/// <remarks>
/// <para><b>Concurrency.</b> <see cref="TryCommitAsync"/> runs one write transaction that first advances the
/// catalogue's row in <c>catalogues</c> from the expected version (inserting it at version 1 when 0 was expected, the
/// primary key letting only one first writer win), then applies every part of the change, each of which must touch
/// exactly one row of that catalogue. A lost race (the version moved on, an added id is taken) and any conflict the
/// database reports roll the whole transaction back and answer false, never an exception; a change that contradicts
/// its own catalogue throws, also writing nothing. So any number of processes may share the database: together they
/// can never exceed a quota or share limit decided on a catalogue version, nor leave a grant on a deleted image (a
/// foreign key also forbids it), and a commit that answered true is durable.</para>
/// <para><b>Reads.</b> <see cref="LoadFactsAsync"/> is one command of several statements, so one round trip, whose
/// first statement reads the catalogue with its version; each later statement reads data at least as new, so a
/// decision made on facts that changed meanwhile finds the version moved on when it commits. A listing is one
/// statement that reads only the viewer's visible images in the region, and applies the text filters as
/// <see cref="ImageFilter.Matches"/> does, so every store answers alike (see <see cref="QueryVisibleAsync"/>).</para>
/// <para>Thread-safe; holds no state but its <see cref="RelationalDatabase"/>, which it owns: disposing the store
/// disposes the database and releases its connections.</para>
/// </remarks>
public sealed partial class RelationalImageStore : IImageStore, IAsyncDisposable, IDisposable
{
    private static readonly ImmutableArray<ImageKind> KindByBranch = [ImageKind.Public, ImageKind.Custom, ImageKind.Shared];

    private readonly RelationalDatabase database;
    private int disposed;

    /// <summary>Makes a store over <paramref name="database"/>, which it owns from now on and disposes with itself.</summary>
    public RelationalImageStore(RelationalDatabase database)
    {
        Guard.Against.Null(database);
        this.database = database;
    }

    /// <inheritdoc/>
    public async ValueTask<Image?> FindImageAsync(ImageId id, CancellationToken cancellationToken = default)
    {
        var found = await database.QueryAsync(
            "find_image",
            $"SELECT {ImageRows.Columns} FROM images i WHERE i.id = @id",
            c => c.With("id", id.Value),
            r => ImageRows.Read(r),
            cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc/>
    public ValueTask SaveAccountAsync(Account account, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(account);
        return database.ExecuteAsync("save_account", AccountRows.Upsert, c => c.WithAccount(account), cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The display name holds an unpaired surrogate or a NUL character, which the database cannot keep; nothing is written.</exception>
    public ValueTask SaveRegionAsync(Region region, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(region);
        return database.ExecuteAsync("save_region", RegionRows.Upsert, c => c.WithRegion(region), cancellationToken);
    }

    /// <summary>Disposes the database, releasing its connections; later calls do nothing.</summary>
    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref disposed, 1) == 0 ? database.DisposeAsync() : ValueTask.CompletedTask;

    /// <summary>Disposes the database, releasing its connections; later calls do nothing.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            database.Dispose();
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// One statement reads the region's public images and the viewer's own (index <c>images (owner, region)</c>) and
    /// the images it holds grants for there (index <c>grants (recipient, region)</c>), narrowed in SQL by kind, ids,
    /// family, architecture and state; the text filters, the order and the page are applied to those rows. Its three
    /// branches are <see cref="ImagePolicy.KindFor"/>'s three answers, in its order and with its conditions: an image
    /// of the region without an owner is public; else the viewer's own is custom; else one with the viewer's grant,
    /// made by the image's owner in the image's region, is shared.
    /// </remarks>
    public async ValueTask<ImagePage> QueryVisibleAsync(AccountId viewer, RegionId region, ImageFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(filter);
        Guard.Against.Null(page);
        var ids = filter.ImageIds?.Distinct().ToImmutableArray();
        if (ids is { IsEmpty: true })
        {
            return new ImagePage([], 0);
        }

        var rows = await database.QueryAsync(
            "query_visible",
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
            branches.Add($"SELECT {ImageRows.Columns}, 2 FROM grants g JOIN images i ON i.id = g.image_id WHERE g.recipient = @viewer AND g.region = @region AND i.region = @region AND g.owner = i.owner AND i.owner <> @public AND i.owner <> @viewer{narrowing}");
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
