using ImageRules.Persistence;
using ImageRules.Relational;
using ImageRules.Storage.Tests.Support;
using ImageRules.Tests.Persistence;

namespace ImageRules.Storage.Tests.Persistence;

/// <summary>The database store against the account repository contract, each test on a fresh database.</summary>
public sealed class RelationalAccountRepositoryTests : AccountRepositoryContract
{
    protected override async ValueTask<IAccountRepository> CreateStoreAsync() =>
        new RelationalAccountRepository((await TestDatabase.CreateAsync()).OpenInstance());
}
