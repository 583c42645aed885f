using System.Collections.Immutable;
using System.Data.Common;
using Ardalis.GuardClauses;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Storage;

namespace ImageRules.Relational;

public sealed partial class RelationalImageStore
{
    /// <inheritdoc/>
    /// <remarks>
    /// One command, so one round trip, of these statements in this order: the catalogue's version with its images, in
    /// one statement so that they agree (the catalogue named, else the image's own, found through the image in the
    /// same statement, unless <see cref="FactsQuery.ImageAsSeen"/>); the image; its grants (all, or the caller's); the
    /// caller and the accounts named; the region and the target region. Which statements run depends only on which
    /// facts are asked for, never on what is stored, so a missing image and one hidden from the caller cost alike (R6);
    /// with <see cref="FactsQuery.ImageAsSeen"/>, the statements themselves leave out an image the caller cannot see, so
    /// they return no row of it or its grants, as for a missing id.
    /// </remarks>
    public ValueTask<ImageFacts> LoadFactsAsync(FactsQuery query, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(query);
        var load = new FactsLoad(query, deciding: false);
        return database.ReadAsync("load_facts", load.Sql, load.Bind, load.ReadAsync, cancellationToken);
    }

    /// <summary>
    /// The command that loads one <see cref="FactsQuery"/>'s facts, and how its results are read back; in a write
    /// transaction, it may first lock the catalogue the facts are about (see <see cref="RelationalDatabase.LockRowsClause"/>).
    /// </summary>
    private sealed class FactsLoad
    {
        /// <summary>How many account ids one statement carries, well under every engine's parameter limit.</summary>
        private const int AccountsPerStatement = 500;

        private readonly FactsQuery query;
        private readonly string? lockRows;
        private readonly bool seenOnly;
        private readonly bool ownCatalogue;
        private readonly ImmutableArray<AccountId> named;
        private readonly AccountId[][] accountStatements;

        /// <param name="query">The facts to load.</param>
        /// <param name="lockRows">The engine's clause that locks the rows a SELECT reads from the table aliased <c>c</c>, to lock the catalogue first; null to lock nothing.</param>
        /// <param name="deciding">
        /// True for a decision: when the query names an image and no catalogue, an image the caller cannot see
        /// (<see cref="ImagePolicy.KindFor"/>) is loaded as a missing one, with no catalogue, no grants and nothing
        /// locked, by the same statements (R6), as it is for a read with <see cref="FactsQuery.ImageAsSeen"/>.
        /// </param>
        public FactsLoad(FactsQuery query, bool deciding, string? lockRows = null)
        {
            this.query = query;
            ownCatalogue = query is { Catalogue: null, Image: not null, ImageAsSeen: false };
            this.lockRows = ReadsCatalogue ? lockRows : null;
            // As FactsQuery.LoadsAsSeen decides it for the in-memory store.
            seenOnly = query.Image is not null && (query.ImageAsSeen || (deciding && query.Catalogue is null));
            named = query.Accounts.IsDefault ? [] : query.Accounts;
            accountStatements = named.Prepend(query.Caller).Distinct().Chunk(AccountsPerStatement).ToArray();
            Sql = string.Join(";\n", LockStatements().Concat(Statements()));
        }

        /// <summary>The statements, separated by semicolons.</summary>
        public string Sql { get; }

        private bool ReadsCatalogue => query.Catalogue is not null || ownCatalogue;

        public void Bind(DbCommand command)
        {
            if (query.Catalogue is { } key)
            {
                command.With("catalogue_owner", ImageRows.Owner(key.Owner)).With("catalogue_region", key.Region.Value);
            }

            if (query.Image is { } image)
            {
                command.With("image", image.Value);
                if (!query.AllGrants || seenOnly)
                {
                    command.With("caller", query.Caller.Value);
                }

                if (seenOnly)
                {
                    command.With("public", Schema.PublicOwner);
                }
            }

            var n = 0;
            foreach (var id in accountStatements.SelectMany(ids => ids))
            {
                command.With($"account{n++}", id.Value);
            }

            command.With("region", query.Region.Value).With("target_region", query.TargetRegion?.Value);
        }

        /// <summary>Runs the command in <paramref name="transaction"/> and reads the facts.</summary>
        public async ValueTask<ImageFacts> ReadAsync(DbTransaction transaction, CancellationToken cancellationToken)
        {
            var command = transaction.Command(Sql);
            await using (command.ConfigureAwait(false))
            {
                Bind(command);
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    return await ReadAsync(reader, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        public async ValueTask<ImageFacts> ReadAsync(DbDataReader reader, CancellationToken cancellationToken)
        {
            if (lockRows is not null)
            {
                // The locked row's version is read again, with the catalogue, by the first statement of the facts.
                await reader.ReadRowsAsync(_ => 0, cancellationToken).ConfigureAwait(false);
            }

            var catalogue = ReadsCatalogue
                ? await reader.ReadRowsAsync(r => (Version: r.GetInt64(0), Image: r.IsDBNull(1) ? null : ImageRows.Read(r, 1)), cancellationToken).ConfigureAwait(false)
                : [];
            var image = query.Image is null ? [] : await reader.ReadRowsAsync(r => ImageRows.Read(r), cancellationToken).ConfigureAwait(false);
            var grants = query.Image is null ? [] : await reader.ReadRowsAsync(GrantRows.Read, cancellationToken).ConfigureAwait(false);
            var accounts = new Dictionary<AccountId, Account>();
            foreach (var _ in accountStatements)
            {
                foreach (var account in await reader.ReadRowsAsync(AccountRows.Read, cancellationToken).ConfigureAwait(false))
                {
                    accounts[account.Id] = account;
                }
            }

            var regions = (await reader.ReadRowsAsync(RegionRows.Read, cancellationToken).ConfigureAwait(false)).ToDictionary(r => r.Id);
            return new ImageFacts
            {
                Caller = accounts.GetValueOrDefault(query.Caller),
                Region = regions.GetValueOrDefault(query.Region),
                Image = image.Count == 0 ? null : image[0],
                Grants = [.. grants],
                Catalogue = [.. catalogue.Where(row => row.Image is not null).Select(row => row.Image!).Order(OldestFirst.Instance)],
                Version = catalogue.Count == 0 ? 0 : catalogue[0].Version,
                TargetRegion = query.TargetRegion is { } target ? regions.GetValueOrDefault(target) : null,
                Accounts = named.Where(accounts.ContainsKey).Distinct().ToImmutableDictionary(id => id, id => accounts[id]),
            };
        }

        /// <summary>
        /// Locks the catalogue's row, which every later writer of the catalogue locks first too, so they queue: the
        /// catalogue named (its row inserted first when new, so there is a row to lock), else the image's own (none
        /// when the image is missing or hidden from the caller, which cost the same statement, R6). Nothing when
        /// the engine's write transaction already excludes every writer. The one result is the locked row, or none.
        /// </summary>
        private IEnumerable<string> LockStatements()
        {
            if (lockRows is null)
            {
                yield break;
            }

            if (query.Catalogue is not null)
            {
                yield return "INSERT INTO catalogues (owner, region, version) VALUES (@catalogue_owner, @catalogue_region, 0) ON CONFLICT (owner, region) DO NOTHING";
                yield return $"SELECT c.version FROM catalogues c WHERE c.owner = @catalogue_owner AND c.region = @catalogue_region{lockRows}";
            }
            else
            {
                yield return $"SELECT c.version FROM images k JOIN catalogues c ON c.owner = k.owner AND c.region = k.region WHERE k.id = @image{Seen("k")}{lockRows}";
            }
        }

        private IEnumerable<string> Statements()
        {
            if (query.Catalogue is not null)
            {
                yield return $"""
                    SELECT v.version, {ImageRows.Columns}
                    FROM (SELECT COALESCE((SELECT version FROM catalogues WHERE owner = @catalogue_owner AND region = @catalogue_region), 0) AS version) v
                    LEFT JOIN images i ON i.owner = @catalogue_owner AND i.region = @catalogue_region
                    """;
            }
            else if (ownCatalogue)
            {
                // Every image's catalogue has a row (a foreign key), so a missing image is the one way to read no row.
                yield return $"""
                    SELECT c.version, {ImageRows.Columns}
                    FROM images k
                    JOIN catalogues c ON c.owner = k.owner AND c.region = k.region
                    JOIN images i ON i.owner = k.owner AND i.region = k.region
                    WHERE k.id = @image{Seen("k")}
                    """;
            }

            if (query.Image is not null)
            {
                yield return $"SELECT {ImageRows.Columns} FROM images i WHERE i.id = @image{Seen("i")}";
                var grants = query.AllGrants ? string.Empty : " AND g.recipient = @caller";
                // Through the image, found first by its key, so the grants of an image the caller cannot see are never
                // walked (a condition on the grants alone would be checked against each of them).
                yield return seenOnly
                    ? $"SELECT {GrantRows.Columns} FROM images k JOIN grants g ON g.image_id = k.id WHERE k.id = @image{Seen("k")}{grants}"
                    : $"SELECT {GrantRows.Columns} FROM grants g WHERE g.image_id = @image{grants}";
            }

            var first = 0;
            foreach (var ids in accountStatements)
            {
                var parameters = string.Join(", ", Enumerable.Range(first, ids.Length).Select(n => $"@account{n}"));
                first += ids.Length;
                yield return $"SELECT {AccountRows.Names} FROM accounts WHERE id IN ({parameters})";
            }

            yield return $"SELECT {RegionRows.Names} FROM regions WHERE id IN (@region, @target_region)";
        }

        /// <summary>
        /// With <c>seenOnly</c>, the condition that the image aliased <paramref name="image"/> is one the caller can see
        /// in the region, as <see cref="ImagePolicy.KindFor"/> decides (public, its own, or granted to it by the owner
        /// there); nothing otherwise.
        /// </summary>
        private string Seen(string image) => seenOnly
            ? $" AND {image}.region = @region AND ({image}.owner = @public OR {image}.owner = @caller OR EXISTS (SELECT 1 FROM grants v WHERE v.image_id = {image}.id AND v.recipient = @caller AND v.region = {image}.region AND v.owner = {image}.owner))"
            : string.Empty;
    }
}
