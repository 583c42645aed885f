using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>The operation would cross regions the provider keeps apart: a copy across the Chinese-mainland border without the option that allows it (R15), or a share with an account of another home region (R22).</summary>
/// <remarks>Code <c>UnsupportedOperation.Region</c>; rules R15, R22.</remarks>
public sealed class RegionUnsupported : Failure
{
    /// <summary>Makes the failure.</summary>
    /// <param name="from">The image's region (copy) or the owner's home region (share).</param>
    /// <param name="to">The copy's target region, or the recipient's home region.</param>
    /// <param name="recipient">The recipient refused, for a share; null for a copy.</param>
    public RegionUnsupported(RegionId from, RegionId to, AccountId? recipient)
        : base("UnsupportedOperation.Region")
    {
        From = from;
        To = to;
        Recipient = recipient;
    }

    /// <summary>The image's region (copy) or the owner's home region (share).</summary>
    public RegionId From { get; }

    /// <summary>The copy's target region, or the recipient's home region.</summary>
    public RegionId To { get; }

    /// <summary>The recipient refused, for a share; null for a copy.</summary>
    public AccountId? Recipient { get; }

    private protected override object? Fields => (From, To, Recipient);

    private protected override string Describe() => Recipient is { } recipient ? $"account `{recipient}` belongs to region `{To}` and cannot receive shares from region `{From}`" : $"copying from `{From}` to `{To}` crosses the chinese mainland border, which needs a support ticket";
}
