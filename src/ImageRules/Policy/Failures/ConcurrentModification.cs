using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>Other writers kept changing the same owner's images in the region while the operation was retried; nothing was changed and the caller may try again. Never returned by the pure policy.</summary>
/// <remarks>Code <c>FailedOperation.ConcurrentModification</c>.</remarks>
/// <param name="Scope">What kept changing.</param>
/// <param name="Attempts">How many times the operation was tried.</param>
public sealed record ConcurrentModification(string Scope, int Attempts) : Failure
{
    /// <summary>The provider's error code for this failure.</summary>
    public const string ErrorCode = "FailedOperation.ConcurrentModification";

    /// <inheritdoc/>
    public override string Code => ErrorCode;

    /// <inheritdoc/>
    public override string Rule => "R11";

    /// <inheritdoc/>
    public override string Message => $"{Scope} changed during each of {Attempts} attempts: try again";
}
