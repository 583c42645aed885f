using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>A count is above what one call may carry: a page of more than 100 images (R2), or more ids or filters than the provider accepts in one call (R35).</summary>
/// <remarks>Code <c>InvalidParameterValue.LimitExceeded</c>; rules R2, R35.</remarks>
public sealed class ParameterLimitExceeded : Failure
{
    /// <summary>Makes the failure.</summary>
    /// <param name="parameter">The provider's name of the parameter, such as <c>Limit</c> or <c>ImageIds</c>.</param>
    /// <param name="value">The count given.</param>
    /// <param name="max">The most allowed.</param>
    public ParameterLimitExceeded(string parameter, long value, long max)
        : base("InvalidParameterValue.LimitExceeded")
    {
        Parameter = parameter;
        Value = value;
        Max = max;
    }

    /// <summary>The provider's name of the parameter, such as <c>Limit</c> or <c>ImageIds</c>.</summary>
    public string Parameter { get; }

    /// <summary>The count given.</summary>
    public long Value { get; }

    /// <summary>The most allowed.</summary>
    public long Max { get; }

    private protected override object? Fields => (Parameter, Value, Max);

    private protected override string Describe() => $"parameter `{Parameter}` is {Value}: at most {Max} allowed";
}
