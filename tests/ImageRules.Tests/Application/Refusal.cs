using ImageRules.Policy;
using ImageRules.Policy.Failures;

namespace ImageRules.Tests.Application;

/// <summary>Asserts on the failure a service operation returned.</summary>
internal static class Refusal
{
    /// <summary>Asserts <paramref name="failure"/> is a <typeparamref name="TFailure"/> answering with the provider's <paramref name="code"/>.</summary>
    public static TFailure Is<TFailure>(Failure? failure, string code)
        where TFailure : Failure
    {
        var typed = Assert.IsType<TFailure>(failure);
        Assert.Equal(code, typed.Code);
        return typed;
    }

    /// <summary>The parameter a parameter failure names (invalid, too large, over a limit or missing) and its code; fails on any other failure.</summary>
    public static (string Parameter, string Code) OfParameter(Failure? failure) => failure switch
    {
        ParameterInvalid invalid => (invalid.Parameter, invalid.Code),
        ParameterTooLarge tooLarge => (tooLarge.Parameter, tooLarge.Code),
        ParameterLimitExceeded overLimit => (overLimit.Parameter, overLimit.Code),
        ParameterMissing missing => (missing.Parameter, missing.Code),
        _ => throw new Xunit.Sdk.XunitException($"expected a parameter failure, got {failure?.ToString() ?? "success"}"),
    };
}
