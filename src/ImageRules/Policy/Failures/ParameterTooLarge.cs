using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>A value is longer or larger than the rules allow: a name over 60 or a description over 256 characters (R12), an import file over 50 GiB or a system disk over 500 GiB (R18).</summary>
/// <remarks>Code <c>InvalidParameterValue.TooLarge</c>; rules R12, R18.</remarks>
public sealed class ParameterTooLarge : Failure
{
    /// <summary>Makes the failure.</summary>
    /// <param name="parameter">The provider's name of the parameter, such as <c>ImageName</c>.</param>
    /// <param name="value">The size given (characters or GiB).</param>
    /// <param name="max">The most allowed.</param>
    public ParameterTooLarge(string parameter, long value, long max)
        : base("InvalidParameterValue.TooLarge")
    {
        Parameter = parameter;
        Value = value;
        Max = max;
    }

    /// <summary>The provider's name of the parameter, such as <c>ImageName</c>.</summary>
    public string Parameter { get; }

    /// <summary>The size given (characters or GiB).</summary>
    public long Value { get; }

    /// <summary>The most allowed.</summary>
    public long Max { get; }

    private protected override object? Fields => (Parameter, Value, Max);

    private protected override string Describe() => $"parameter `{Parameter}` is {Value}: at most {Max} allowed";
}
