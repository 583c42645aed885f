namespace ImageRules.Domain;

/// <summary>An amount of money in one currency, such as a licence fee or a storage quote.</summary>
/// <param name="Amount">The amount; never negative in this library's results.</param>
/// <param name="Currency">An ISO 4217 code such as <c>USD</c> or <c>CNY</c>.</param>
public readonly record struct Money(decimal Amount, string Currency)
{
    /// <summary>True when nothing is charged.</summary>
    public bool IsFree => Amount == 0m;

    /// <summary>Nothing, in <paramref name="currency"/>.</summary>
    public static Money Free(string currency) => new(0m, currency);

    /// <inheritdoc/>
    public override string ToString() => $"{Amount:0.####} {Currency}";
}
