using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>Other writers changed the image's catalogue during every attempt, so nothing was saved: a retryable answer, never a refusal by the rules.</summary>
/// <remarks>Code <c>FailedOperation.ConcurrentModification</c>.</remarks>
public sealed class ConcurrentModification : Failure
{
    /// <summary>Makes the failure.</summary>
    /// <param name="attempts">How many times the operation was decided and tried.</param>
    public ConcurrentModification(int attempts)
        : base("FailedOperation.ConcurrentModification")
    {
        Attempts = attempts;
    }

    /// <summary>How many times the operation was decided and tried.</summary>
    public int Attempts { get; }

    private protected override object? Fields => Attempts;

    private protected override string Describe() => $"the images changed during each of {Attempts} attempts: try again";
}
