using Xunit.Sdk;

namespace ImageRules.Tests.Properties;

/// <summary>A property found a counterexample; the message says which rule broke and how the script got there.</summary>
public sealed class PropertyViolation : XunitException
{
    /// <summary>Makes the exception.</summary>
    public PropertyViolation(string message)
        : base(message)
    {
    }
}
