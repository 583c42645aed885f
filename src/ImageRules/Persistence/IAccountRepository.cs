using System.Collections.Immutable;
using ImageRules.Domain;

namespace ImageRules.Persistence;

/// <summary>Stores the accounts that own, share and launch images. Implementations must be thread-safe.</summary>
public interface IAccountRepository
{
    /// <summary>The account, or null.</summary>
    ValueTask<Account?> FindAsync(AccountId id, CancellationToken cancellationToken = default);

    /// <summary>Those of <paramref name="ids"/> that exist, by id.</summary>
    ValueTask<ImmutableDictionary<AccountId, Account>> FindManyAsync(IEnumerable<AccountId> ids, CancellationToken cancellationToken = default);

    /// <summary>Adds the account, or replaces the one with its id.</summary>
    ValueTask SaveAsync(Account account, CancellationToken cancellationToken = default);
}
