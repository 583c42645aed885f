using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>Import supports <c>i386</c> and <c>x86_64</c> only (R18).</summary>
/// <remarks>Code <c>InvalidParameterValue</c>.</remarks>
/// <param name="Architecture">The architecture given.</param>
public sealed record ImportArchitectureUnsupported(Architecture Architecture) : Failure
{
    /// <summary>The provider's error code for this failure.</summary>
    public const string ErrorCode = "InvalidParameterValue";

    /// <inheritdoc/>
    public override string Code => ErrorCode;

    /// <inheritdoc/>
    public override string Rule => "R18";

    /// <inheritdoc/>
    public override string Message => $"architecture `{Architecture.ToProviderName()}` cannot be imported: use `i386` or `x86_64`";
}
