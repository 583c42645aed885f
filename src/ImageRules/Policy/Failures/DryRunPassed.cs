using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>A dry run that would have succeeded: the request was decided in full and nothing was changed (R38).</summary>
/// <remarks>Code <c>DryRunOperation</c>; rules R38.</remarks>
public sealed class DryRunPassed : Failure
{
    /// <summary>Makes the failure.</summary>
    /// <param name="operation">What was decided.</param>
    public DryRunPassed(ImageOperation operation)
        : base("DryRunOperation")
    {
        Operation = operation;
    }

    /// <summary>What was decided.</summary>
    public ImageOperation Operation { get; }

    private protected override object? Fields => Operation;

    private protected override string Describe() => $"the {Operation.Words()} request would succeed; nothing was changed (dry run)";
}
