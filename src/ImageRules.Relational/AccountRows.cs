using System.Data.Common;
using ImageRules.Domain;

namespace ImageRules.Relational;

/// <summary>How an <see cref="Account"/> is written to and read from a row of the <c>accounts</c> table.</summary>
internal static class AccountRows
{
    /// <summary>The columns, in the order <see cref="Read"/> expects.</summary>
    public const string Names = "id, home_region, kind";

    /// <summary>Adds the account, or replaces the one with its id.</summary>
    public const string Upsert =
        """
        INSERT INTO accounts (id, home_region, kind) VALUES (@id, @home_region, @kind)
        ON CONFLICT (id) DO UPDATE SET home_region = excluded.home_region, kind = excluded.kind
        """;

    /// <summary>Binds every column of <paramref name="account"/> to <see cref="Upsert"/>.</summary>
    public static DbCommand WithAccount(this DbCommand command, Account account) => command
        .With("id", account.Id.Value)
        .With("home_region", account.HomeRegion.Value)
        .With("kind", account.Kind.ToString());

    /// <summary>Reads the account whose <see cref="Names"/> start at column 0.</summary>
    public static Account Read(DbDataReader row) =>
        new(new AccountId(row.GetString(0)), new RegionId(row.GetString(1)), Enum.Parse<AccountKind>(row.GetString(2)));
}
