using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>An instance id is not <c>ins-</c> followed by 8 lowercase letters or digits.</summary>
/// <remarks>Code <c>InvalidInstanceId.Malformed</c>.</remarks>
/// <param name="Text">The text that was given.</param>
public sealed record MalformedInstanceId(string? Text) : Failure
{
    /// <summary>The provider's error code for this failure.</summary>
    public const string ErrorCode = "InvalidInstanceId.Malformed";

    /// <inheritdoc/>
    public override string Code => ErrorCode;

    /// <inheritdoc/>
    public override string Rule => "R10";

    /// <inheritdoc/>
    public override string Message => $"instance id {IdSyntax.Quote(Text)} is malformed: expected `ins-` and 8 lowercase letters or digits";
}
