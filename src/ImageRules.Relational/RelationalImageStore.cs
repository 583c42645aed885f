using Ardalis.GuardClauses;
using ImageRules.Domain;
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
/// foreign key also forbids it), and a commit that answered true is durable. <see cref="DecideAsync"/>, which the
/// service's writes use, runs the facts load, the decision and that commit in one transaction that first makes it the
/// catalogue's only writer (a row lock, or SQLite's write lock), so writers of one catalogue queue instead of losing
/// races.</para>
/// <para><b>Reads.</b> <see cref="LoadFactsAsync"/> is one command of several statements, so one round trip, whose
/// first statement reads the catalogue with its version; each later statement reads data at least as new, so a
/// decision made on facts that changed meanwhile finds the version moved on when it commits. A listing is one
/// statement that reads one page of the viewer's visible images in the region and their total, kept by counters
/// that each commit moves (see <see cref="QueryVisibleAsync"/>).</para>
/// <para>Thread-safe; holds no state but its <see cref="RelationalDatabase"/>, which it owns: disposing the store
/// disposes the database and releases its connections.</para>
/// </remarks>
public sealed partial class RelationalImageStore : IImageStore, IAsyncDisposable, IDisposable
{
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
