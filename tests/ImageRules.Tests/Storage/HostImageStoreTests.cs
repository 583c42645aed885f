using ImageRules.Storage;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Storage;

/// <summary>
/// A host's own store at its smallest, against the store contract: every member the in-memory store's but
/// <see cref="IImageStore.DecideAsync"/>, which it leaves to the interface's default (<see cref="ForwardingImageStore"/>),
/// so that the default itself is what the contract's decisions test (R6 among them: a hidden image reaches a decision
/// as a missing one).
/// </summary>
public sealed class HostImageStoreTests : ImageStoreContract
{
    protected override ValueTask<IImageStore> CreateStoreAsync() => ValueTask.FromResult<IImageStore>(new ForwardingImageStore(new InMemoryImageStore()));
}
