using ImageRules.Policy;

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
}
