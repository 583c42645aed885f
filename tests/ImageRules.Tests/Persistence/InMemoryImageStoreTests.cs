using ImageRules.Persistence;

namespace ImageRules.Tests.Persistence;

/// <summary>The in-memory store against the image repository contract.</summary>
public sealed class InMemoryImageStoreTests : ImageRepositoryContract<InMemoryImageStore>
{
    protected override ValueTask<InMemoryImageStore> CreateStoreAsync() => ValueTask.FromResult(new InMemoryImageStore());
}
