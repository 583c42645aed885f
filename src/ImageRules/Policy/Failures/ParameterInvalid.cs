using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>A value the rules refuse: an empty name, a name with control, format or separator characters or edge white space (R12, R36), a description with broken text (R12), a size below 1 GiB, a negative offset, or an architecture that cannot be imported (R18).</summary>
/// <remarks>Code <c>InvalidParameterValue</c>; rules R12, R18, R36.</remarks>
public sealed class ParameterInvalid : Failure
{
    /// <summary>Makes the failure.</summary>
    /// <param name="parameter">The provider's name of the parameter, such as <c>ImageName</c>.</param>
    /// <param name="value">The value given.</param>
    /// <param name="problem">What is wrong with it.</param>
    public ParameterInvalid(string parameter, string? value, ValueProblem problem)
        : base("InvalidParameterValue")
    {
        Parameter = parameter;
        Value = value;
        Problem = problem;
    }

    /// <summary>The provider's name of the parameter, such as <c>ImageName</c>.</summary>
    public string Parameter { get; }

    /// <summary>The value given.</summary>
    public string? Value { get; }

    /// <summary>What is wrong with it.</summary>
    public ValueProblem Problem { get; }

    private protected override object? Fields => (Parameter, Value, Problem);

    private protected override string Describe() => $"parameter `{Parameter}` is {IdSyntax.Quote(Value)}: {Problem.Words()}";
}
