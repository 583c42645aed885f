using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>A required parameter is missing or empty, such as the list of accounts to share with (R20, R24).</summary>
/// <remarks>Code <c>MissingParameter</c>; rules R20, R24.</remarks>
public sealed class ParameterMissing : Failure
{
    /// <summary>Makes the failure.</summary>
    /// <param name="parameter">The provider's name of the parameter, such as <c>AccountIds</c>.</param>
    public ParameterMissing(string parameter)
        : base("MissingParameter")
    {
        Parameter = parameter;
    }

    /// <summary>The provider's name of the parameter, such as <c>AccountIds</c>.</summary>
    public string Parameter { get; }

    private protected override object? Fields => Parameter;

    private protected override string Describe() => $"parameter `{Parameter}` is missing or empty";
}
