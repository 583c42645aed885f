using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>The text is not an instance id (<c>ins-</c> and 8 lowercase letters or digits) (R10).</summary>
/// <remarks>Code <c>InvalidInstanceId.Malformed</c>; rules R10.</remarks>
public sealed class InstanceIdMalformed : Failure
{
    /// <summary>Makes the failure.</summary>
    /// <param name="text">The text given.</param>
    public InstanceIdMalformed(string? text)
        : base("InvalidInstanceId.Malformed")
    {
        Text = text;
    }

    /// <summary>The text given.</summary>
    public string? Text { get; }

    private protected override object? Fields => Text;

    private protected override string Describe() => $"instance id {IdSyntax.Quote(Text)} is malformed: expected `ins-` and 8 lowercase letters or digits";
}
