using System.Data.Common;
using ImageRules.Domain;

namespace ImageRules.Relational;

/// <summary>How a <see cref="ShareGrant"/> is written to and read from a row of the <c>grants</c> table.</summary>
internal static class GrantRows
{
    /// <summary>The columns, in the order <see cref="Read"/> expects, qualified by the alias <c>g</c>.</summary>
    public const string Columns = "g.image_id, g.owner, g.recipient, g.region, g.granted_utc_ticks, g.granted_offset_minutes";

    /// <summary>Binds every column of <paramref name="grant"/>, each parameter's name ending in <paramref name="suffix"/>.</summary>
    public static DbCommand WithGrant(this DbCommand command, ShareGrant grant, string suffix) => command
        .With("image_id" + suffix, grant.ImageId.Value)
        .With("grant_owner" + suffix, grant.Owner.Value)
        .With("recipient" + suffix, grant.Recipient.Value)
        .With("grant_region" + suffix, grant.Region.Value)
        .WithInstant("granted" + suffix, grant.GrantedAt);

    /// <summary>Reads the grant whose <see cref="Columns"/> start at column 0.</summary>
    public static ShareGrant Read(DbDataReader row) => new(
        new ImageId(row.GetString(0)),
        new AccountId(row.GetString(1)),
        new AccountId(row.GetString(2)),
        new RegionId(row.GetString(3)),
        StoredInstant.Read(row, 4));
}
