using System.Collections.Immutable;
using ImageRules.Domain;
using ImageRules.Persistence;

namespace ImageRules.Relational;

/// <summary>Accounts in the <c>accounts</c> table of a SQL database. Thread-safe.</summary>
public sealed class RelationalAccountRepository : IAccountRepository
{
    /// <summary>How many ids one lookup statement carries, well under every engine's parameter limit.</summary>
    private const int IdsPerStatement = 500;

    private readonly RelationalDatabase database;

    /// <summary>Makes a repository over <paramref name="database"/>.</summary>
    public RelationalAccountRepository(RelationalDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.database = database;
    }

    /// <inheritdoc/>
    public async ValueTask<Account?> FindAsync(AccountId id, CancellationToken cancellationToken = default)
    {
        var found = await FindManyAsync([id], cancellationToken).ConfigureAwait(false);
        return found.GetValueOrDefault(id);
    }

    /// <inheritdoc/>
    public async ValueTask<ImmutableDictionary<AccountId, Account>> FindManyAsync(IEnumerable<AccountId> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = ImmutableDictionary.CreateBuilder<AccountId, Account>();
        foreach (var chunk in ids.Distinct().Chunk(IdsPerStatement))
        {
            var names = string.Join(", ", Enumerable.Range(0, chunk.Length).Select(n => $"@id{n}"));
            var accounts = await database.QueryAsync(
                $"SELECT id, home_region, kind FROM accounts WHERE id IN ({names})",
                c =>
                {
                    for (var n = 0; n < chunk.Length; n++)
                    {
                        c.With($"id{n}", chunk[n].Value);
                    }
                },
                r => new Account(new AccountId(r.GetString(0)), new RegionId(r.GetString(1)), Enum.Parse<AccountKind>(r.GetString(2))),
                cancellationToken).ConfigureAwait(false);
            foreach (var account in accounts)
            {
                found[account.Id] = account;
            }
        }

        return found.ToImmutable();
    }

    /// <inheritdoc/>
    public ValueTask SaveAsync(Account account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return database.ExecuteAsync(
            """
            INSERT INTO accounts (id, home_region, kind) VALUES (@id, @home_region, @kind)
            ON CONFLICT (id) DO UPDATE SET home_region = excluded.home_region, kind = excluded.kind
            """,
            c => c.With("id", account.Id.Value).With("home_region", account.HomeRegion.Value).With("kind", account.Kind.ToString()),
            cancellationToken);
    }
}
