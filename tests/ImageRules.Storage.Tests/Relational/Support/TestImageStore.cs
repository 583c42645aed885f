using ImageRules.Policy;
using ImageRules.Relational;
using ImageRules.Storage;
using ImageRules.Storage.Tests.Support;

namespace ImageRules.Tests.Support;

/// <summary>
/// A <see cref="RelationalImageStore"/> with the members the service tests use on the in-memory store, so they compile
/// unchanged over a database (see <see cref="TestStores"/>).
/// </summary>
public sealed class TestImageStore(RelationalImageStore inner, TestDatabase database) : ForwardingImageStore(inner), IImageStore
{
    /// <summary>How many images are stored, counted on the rows; read synchronously because the in-memory store's is a property.</summary>
    public int ImageCount => checked((int)database.ScalarAsync("SELECT COUNT(*) FROM images").AsTask().GetAwaiter().GetResult());

    /// <summary>The store's own decision, which holds the catalogue, not the interface's default.</summary>
    public ValueTask<bool> DecideAsync(FactsQuery query, Func<ImageFacts, CatalogueChange?> decide, CancellationToken cancellationToken = default) =>
        Inner.DecideAsync(query, decide, cancellationToken);
}
