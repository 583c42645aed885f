using System.Data.Common;

namespace ImageRules.Relational;

/// <summary>
/// A <see cref="DateTimeOffset"/> as two columns, <c>{name}_utc_ticks</c> and <c>{name}_offset_minutes</c>: the ticks
/// order instants correctly in SQL, and the offset gives back exactly the value written.
/// </summary>
internal static class StoredInstant
{
    /// <summary>Binds <c>@{name}_utc_ticks</c> and <c>@{name}_offset_minutes</c>.</summary>
    public static DbCommand WithInstant(this DbCommand command, string name, DateTimeOffset instant) => command
        .With(name + "_utc_ticks", instant.UtcTicks)
        .With(name + "_offset_minutes", (int)instant.Offset.TotalMinutes);

    /// <summary>Reads the instant whose ticks are in column <paramref name="ticks"/> and offset in the next.</summary>
    public static DateTimeOffset Read(DbDataReader row, int ticks)
    {
        var offset = TimeSpan.FromMinutes(row.GetInt32(ticks + 1));
        return new DateTimeOffset(row.GetInt64(ticks) + offset.Ticks, offset);
    }
}
