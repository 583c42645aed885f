namespace ImageRules.Policy;

/// <summary>Combines results without nesting: the values of all, or the first failure in argument order.</summary>
public static class Result
{
    /// <summary>Both values, or the first failure.</summary>
    public static Result<(T1 First, T2 Second)> All<T1, T2>(Result<T1> first, Result<T2> second)
    {
        if (!first.TryGetValue(out var a, out var failure) || !second.TryGetValue(out var b, out failure))
        {
            return failure;
        }

        return (a, b);
    }

    /// <summary>All three values, or the first failure: <c>Result.All(Ids.Account(c), Ids.Region(r), Ids.Image(i))</c>.</summary>
    public static Result<(T1 First, T2 Second, T3 Third)> All<T1, T2, T3>(Result<T1> first, Result<T2> second, Result<T3> third)
    {
        if (!All(first, second).TryGetValue(out var ab, out var failure) || !third.TryGetValue(out var c, out failure))
        {
            return failure;
        }

        return (ab.First, ab.Second, c);
    }
}
