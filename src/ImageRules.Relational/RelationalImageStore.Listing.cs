using System.Collections.Immutable;
using System.Data.Common;
using System.Text;
using Ardalis.GuardClauses;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Storage;

namespace ImageRules.Relational;

public sealed partial class RelationalImageStore
{
    /// <inheritdoc/>
    /// <remarks>
    /// <para>One statement, so one consistent read. Its branches are <see cref="ImagePolicy.KindFor"/>'s three answers,
    /// in its order and with its conditions: an image of the region without an owner is public; else the viewer's own
    /// is custom; else one with the viewer's grant, made by the image's owner in the image's region, is shared. Each
    /// is narrowed in SQL by kind, ids, family, architecture and state, the state as the viewer is shown it (a transition
    /// timed out before <see cref="ImageFilter.TimedOutBefore"/> has failed, R37).</para>
    /// <para><b>Cost.</b> Each branch reads its rows in listing order from an index (<c>images (owner, region, created
    /// desc, id)</c>; <c>grants (recipient, region, image created desc, image id)</c>) and stops after offset plus limit
    /// rows; the page is the merge of those. The total is the sum of counters kept by every commit (the catalogues'
    /// image counts and the grants the viewer holds in the region) when nothing but kind is filtered; with ids,
    /// family, architecture or state it counts the matching rows, in proportion to the viewer's visible images of the
    /// kinds asked for (ids: to the ids). So a page of an unfiltered listing costs in proportion to offset plus limit,
    /// however many images the viewer sees.</para>
    /// <para>The platform and name filters compare text as <see cref="ImageFilter.Matches"/> does (ordinal, ignoring
    /// case, wildcards literal), which no SQL of both engines does exactly: with either, the narrowed rows are all
    /// read and those filters, the order and the page applied here, so every store answers alike, at a cost in
    /// proportion to the viewer's visible images of the kinds asked for.</para>
    /// <para>The order is newest first, ties by id; image ids are <c>img-</c> and 8 lowercase ASCII letters or digits,
    /// which every collation orders as an ordinal comparison does.</para>
    /// </remarks>
    public async ValueTask<ImagePage> QueryVisibleAsync(AccountId viewer, RegionId region, ImageFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(filter);
        Guard.Against.Null(page);
        var listing = new Listing(viewer, region, filter, page);
        if (listing.IsEmpty)
        {
            return new ImagePage([], 0);
        }

        if (listing.MatchesText)
        {
            var rows = await database.QueryAsync("query_visible", listing.EveryRowSql(), listing.Bind, r => listing.ReadImage(r, 0), cancellationToken).ConfigureAwait(false);
            var matches = rows.Where(v => filter.Matches(v.Image, v.Kind)).Order(NewestFirst.Instance).ToList();
            return new ImagePage([.. matches.Skip(page.Offset).Take(page.Limit)], matches.Count);
        }

        var paged = await database.QueryAsync(
            "query_visible",
            listing.PageSql(),
            listing.Bind,
            r => (Total: r.GetInt64(0), Item: r.IsDBNull(1) ? null : listing.ReadImage(r, 1)),
            cancellationToken).ConfigureAwait(false);
        return new ImagePage([.. paged.Where(row => row.Item is not null).Select(row => row.Item!).Order(NewestFirst.Instance)], checked((int)paged[0].Total));
    }

    /// <summary>The statement that lists one page of one viewer's visible images, and how its rows are read back.</summary>
    private sealed class Listing
    {
        private const string ByImage = "i.created_utc_ticks DESC, i.id";
        private const string ByGrant = "g.image_created_utc_ticks DESC, g.image_id";

        private readonly AccountId viewer;
        private readonly RegionId region;
        private readonly ImageFilter filter;
        private readonly PageRequest page;
        private readonly ImmutableArray<ImageId>? ids;
        private readonly List<Branch> branches = new(3);

        public Listing(AccountId viewer, RegionId region, ImageFilter filter, PageRequest page)
        {
            (this.viewer, this.region, this.filter, this.page) = (viewer, region, filter, page);
            ids = filter.ImageIds?.Distinct().ToImmutableArray();
            var narrowing = Narrowing();
            if (filter.Kind is null or ImageKind.Public)
            {
                branches.Add(new(ImageKind.Public, $"FROM images i WHERE i.owner = @public AND i.region = @region{narrowing}", ByImage, CatalogueCount("@public")));
            }

            if (filter.Kind is null or ImageKind.Custom)
            {
                branches.Add(new(ImageKind.Custom, $"FROM images i WHERE i.owner = @viewer AND i.region = @region{narrowing}", ByImage, CatalogueCount("@viewer")));
            }

            if (filter.Kind is null or ImageKind.Shared)
            {
                branches.Add(new(
                    ImageKind.Shared,
                    $"FROM grants g JOIN images i ON i.id = g.image_id WHERE g.recipient = @viewer AND g.region = @region AND i.region = @region AND g.owner = i.owner AND i.owner <> @public AND i.owner <> @viewer{narrowing}",
                    ByGrant,
                    "COALESCE((SELECT grant_count FROM held_grants WHERE recipient = @viewer AND region = @region), 0)"));
            }
        }

        /// <summary>True when nothing can match: an empty id list, or a kind that is none of the three.</summary>
        public bool IsEmpty => ids is { IsEmpty: true } || branches.Count == 0;

        /// <summary>True when a text filter must be applied in code, to every narrowed row.</summary>
        public bool MatchesText => filter.Platform is not null || filter.NameContains is not null;

        /// <summary>True when the counters give the total: no filter narrows the rows but kind.</summary>
        private bool Counted => ids is null && filter.OsFamily is null && filter.Architecture is null && filter.State is null;

        /// <summary>Every narrowed row of every branch, in no order, each with its branch's number.</summary>
        public string EveryRowSql() =>
            string.Join(" UNION ALL ", branches.Select((b, n) => $"SELECT {ImageRows.Columns}, {n} {b.From}"));

        /// <summary>
        /// One row per image of the page, in no order, each with its branch's number after the total (NULLs and the
        /// total when the page is empty): every branch's first offset-plus-limit rows in listing order, merged.
        /// </summary>
        public string PageSql()
        {
            var total = string.Join(" + ", branches.Select(b => Counted ? b.Counter : $"(SELECT COUNT(*) {b.From})"));
            var firsts = string.Join(
                " UNION ALL ",
                branches.Select((b, n) => $"SELECT * FROM (SELECT {ImageRows.Columns}, {n} AS branch {b.From} ORDER BY {b.Order} LIMIT @take) b{n}"));
            return $"""
                SELECT t.total, p.* FROM (SELECT {total} AS total) t
                LEFT JOIN ({firsts} ORDER BY created_utc_ticks DESC, id LIMIT @limit OFFSET @offset) p ON 1 = 1
                """;
        }

        public void Bind(DbCommand command)
        {
            command.With("public", Schema.PublicOwner).With("viewer", viewer.Value).With("region", region.Value);
            if (!MatchesText)
            {
                command.With("take", (long)page.Offset + page.Limit).With("limit", page.Limit).With("offset", page.Offset);
            }

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
                if (filter.TimedOutBefore is { } cutoff)
                {
                    command.With("timed_out_before", cutoff.UtcTicks);
                }

                if (TimingOutAs(state) is { } inProgress)
                {
                    command.With("in_progress", inProgress.ToString());
                }
            }
        }

        /// <summary>The image whose columns start at <paramref name="first"/>, with the kind of the branch numbered after them.</summary>
        public VisibleImage ReadImage(DbDataReader row, int first) =>
            new(ImageRows.Read(row, first), branches[row.GetInt32(first + ImageRows.Count)].Kind);

        private static string CatalogueCount(string owner) =>
            $"COALESCE((SELECT image_count FROM catalogues WHERE owner = {owner} AND region = @region), 0)";

        private string Narrowing()
        {
            var narrowing = new StringBuilder();
            if (ids is { IsEmpty: false } some)
            {
                narrowing.Append(" AND i.id IN (").AppendJoin(", ", Enumerable.Range(0, some.Length).Select(n => $"@id{n}")).Append(')');
            }

            return narrowing.Append(filter.OsFamily is null ? string.Empty : " AND i.os_family = @os_family")
                .Append(filter.Architecture is null ? string.Empty : " AND i.architecture = @architecture")
                .Append(StateNarrowing())
                .ToString();
        }

        /// <summary>
        /// The state as <see cref="ImageFilter.Matches"/> takes it (R37): with the filter's cutoff, an image in progress
        /// made before it has failed, so a state in progress matches only those made since, and a failed state also
        /// those of its state in progress made before.
        /// </summary>
        private string StateNarrowing() => filter.State switch
        {
            null => string.Empty,
            { } state when filter.TimedOutBefore is not null && state.IsInProgress() => " AND i.state = @state AND i.created_utc_ticks >= @timed_out_before",
            { } state when TimingOutAs(state) is not null => " AND (i.state = @state OR (i.state = @in_progress AND i.created_utc_ticks < @timed_out_before))",
            _ => " AND i.state = @state",
        };

        /// <summary>The state in progress that times out as <paramref name="failed"/> (R37) when the filter has a cutoff; else null.</summary>
        private ImageState? TimingOutAs(ImageState failed) =>
            filter.TimedOutBefore is null ? null : Enum.GetValues<ImageState>().Where(s => s.Completed(succeeded: false) == failed).Cast<ImageState?>().SingleOrDefault();

        /// <summary>One branch: the kind it lists, its rows, their listing order, and its counter.</summary>
        private sealed record Branch(ImageKind Kind, string From, string Order, string Counter);
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
}
