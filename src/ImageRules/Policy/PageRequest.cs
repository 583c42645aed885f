using ImageRules.Policy.Failures;

namespace ImageRules.Policy;

/// <summary>A page of a listing (R2): skip <see cref="Offset"/> items, then take at most <see cref="Limit"/>.</summary>
public sealed record PageRequest
{
    /// <summary>The page size when none is given (R2).</summary>
    public const int DefaultLimit = 20;

    /// <summary>The largest page (R2).</summary>
    public const int MaxLimit = 100;

    private PageRequest(int offset, int limit) => (Offset, Limit) = (offset, limit);

    /// <summary>The first page of the default size.</summary>
    public static PageRequest First { get; } = new(0, DefaultLimit);

    /// <summary>How many items to skip.</summary>
    public int Offset { get; }

    /// <summary>How many items at most.</summary>
    public int Limit { get; }

    /// <summary>Checks a page asked for: offset 0 or more (default 0), limit 1 to 100 (default 20) (R2).</summary>
    public static Result<PageRequest> Create(int? offset = null, int? limit = null)
    {
        var o = offset ?? 0;
        var l = limit ?? DefaultLimit;
        if (o < 0)
        {
            return new ParameterInvalid("Offset", o.ToString(System.Globalization.CultureInfo.InvariantCulture), ValueProblem.BelowMinimum);
        }

        return l is < 1 or > MaxLimit ? new ParameterLimitExceeded("Limit", l, MaxLimit) : new PageRequest(o, l);
    }
}
