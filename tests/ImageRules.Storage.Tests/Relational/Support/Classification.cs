using System.Data.Common;
using System.Reflection;
using ImageRules.Relational;

namespace ImageRules.Storage.Tests.Support;

/// <summary>
/// How an engine's database classifies a driver exception: its protected <c>IsConflict</c> and <c>IsTransient</c>,
/// reached by reflection because the engines' databases are sealed.
/// </summary>
public static class Classification
{
    /// <summary>The engine's answer for <paramref name="exception"/>: a lost race, a transient failure, or neither.</summary>
    public static (bool Conflict, bool Transient) Of(RelationalDatabase database, DbException exception) =>
        (Ask(database, "IsConflict", exception), Ask(database, "IsTransient", exception));

    private static bool Ask(RelationalDatabase database, string method, DbException exception) =>
        (bool)database.GetType().GetMethod(method, BindingFlags.Instance | BindingFlags.NonPublic)!.Invoke(database, [exception])!;
}
