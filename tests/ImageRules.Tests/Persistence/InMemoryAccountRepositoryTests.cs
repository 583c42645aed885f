using ImageRules.Persistence;

namespace ImageRules.Tests.Persistence;

/// <summary>The in-memory store against the account repository contract.</summary>
public sealed class InMemoryAccountRepositoryTests : AccountRepositoryContract
{
    protected override ValueTask<IAccountRepository> CreateStoreAsync() => ValueTask.FromResult<IAccountRepository>(new InMemoryAccountRepository());
}
