using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>A share or cancel-sharing request names no account.</summary>
/// <remarks>Code <c>MissingParameter</c>.</remarks>
/// <param name="ImageId">The image.</param>
public sealed record NoAccountsGiven(ImageId ImageId) : Failure
{
    /// <summary>The provider's error code for this failure.</summary>
    public const string ErrorCode = "MissingParameter";

    /// <inheritdoc/>
    public override string Code => ErrorCode;

    /// <inheritdoc/>
    public override string Rule => "R20";

    /// <inheritdoc/>
    public override string Message => $"no account ids were given for image `{ImageId}`";
}
