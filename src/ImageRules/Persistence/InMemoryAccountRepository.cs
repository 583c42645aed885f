using System.Collections.Concurrent;
using System.Collections.Immutable;
using ImageRules.Domain;

namespace ImageRules.Persistence;

/// <summary>A thread-safe in-memory <see cref="IAccountRepository"/>.</summary>
public sealed class InMemoryAccountRepository : IAccountRepository
{
    private readonly ConcurrentDictionary<AccountId, Account> accounts = new();

    /// <inheritdoc/>
    public ValueTask<Account?> FindAsync(AccountId id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(accounts.GetValueOrDefault(id));

    /// <inheritdoc/>
    public ValueTask<ImmutableDictionary<AccountId, Account>> FindManyAsync(IEnumerable<AccountId> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = ImmutableDictionary.CreateBuilder<AccountId, Account>();
        foreach (var id in ids)
        {
            if (accounts.TryGetValue(id, out var account))
            {
                found[id] = account;
            }
        }

        return ValueTask.FromResult(found.ToImmutable());
    }

    /// <inheritdoc/>
    public ValueTask SaveAsync(Account account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        accounts[account.Id] = account;
        return ValueTask.CompletedTask;
    }
}
