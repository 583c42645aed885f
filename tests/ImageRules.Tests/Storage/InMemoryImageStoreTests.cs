using ImageRules.Storage;

namespace ImageRules.Tests.Storage;

/// <summary>The in-memory store against the store contract.</summary>
public sealed class InMemoryImageStoreTests : ImageStoreContract
{
    protected override ValueTask<IImageStore> CreateStoreAsync() => ValueTask.FromResult<IImageStore>(new InMemoryImageStore());
}
