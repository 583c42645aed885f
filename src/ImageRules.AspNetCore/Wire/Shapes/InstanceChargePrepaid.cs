namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>InstanceChargePrepaid</c>: the term of a PREPAID instance.</summary>
/// <remarks><see cref="Period"/> is required by the SDK model. Immutable.</remarks>
internal sealed record InstanceChargePrepaid
{
    /// <summary>Months: 1 to 12, 24, 36, 48 or 60 (SDK: int64).</summary>
    public long? Period { get; init; }

    /// <summary><c>NOTIFY_AND_AUTO_RENEW</c>, <c>NOTIFY_AND_MANUAL_RENEW</c> or <c>DISABLE_NOTIFY_AND_MANUAL_RENEW</c>.</summary>
    public string? RenewFlag { get; init; }

    /// <summary>The term at <paramref name="path"/> checked as a request part.</summary>
    public WireError? Validate(string path) => WireChecks.Required(Period, $"{path}.Period");
}
