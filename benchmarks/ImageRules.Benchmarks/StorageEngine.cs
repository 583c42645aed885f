namespace ImageRules.Benchmarks;

/// <summary>A durable store <see cref="StorageBenchmarks"/> sets beside the in-memory one.</summary>
public enum StorageEngine
{
    /// <summary>A database file in a temporary folder (<c>UseSqlite</c>'s store).</summary>
    Sqlite,

    /// <summary>A fresh schema on the server <c>IMAGERULES_POSTGRES</c> names (<c>UsePostgreSql</c>'s store).</summary>
    PostgreSql,
}

/// <summary>The store <see cref="ListingBenchmarks"/> lists from.</summary>
public enum ListingStore
{
    /// <summary>The in-memory store.</summary>
    InMemory,

    /// <summary>A database file in a temporary folder.</summary>
    Sqlite,

    /// <summary>A fresh schema on the server <c>IMAGERULES_POSTGRES</c> names.</summary>
    PostgreSql,
}
