using System.Diagnostics.CodeAnalysis;
using Ardalis.GuardClauses;

namespace ImageRules.AspNetCore.Authentication;

/// <summary>The outcome of authenticating one request: its <see cref="ApiCaller"/>, or the <see cref="AuthenticationFailure"/> that refuses it.</summary>
/// <remarks>Exactly one of the two is present; <c>default(AuthenticationResult)</c> is not a valid outcome.</remarks>
internal readonly struct AuthenticationResult
{
    private readonly ApiCaller? caller;
    private readonly AuthenticationFailure? failure;

    private AuthenticationResult(ApiCaller? caller, AuthenticationFailure? failure) => (this.caller, this.failure) = (caller, failure);

    /// <summary>True when the request is authenticated.</summary>
    public bool IsAuthenticated => caller is not null;

    /// <summary>An authenticated request.</summary>
    public static implicit operator AuthenticationResult(ApiCaller caller) => new(caller ?? throw new ArgumentNullException(nameof(caller)), null);

    /// <summary>A refused request.</summary>
    public static implicit operator AuthenticationResult(AuthenticationFailure failure) => new(null, failure ?? throw new ArgumentNullException(nameof(failure)));

    /// <summary>The caller, or else the failure; for early returns without nesting.</summary>
    /// <exception cref="InvalidOperationException">This is <c>default(AuthenticationResult)</c>.</exception>
    public bool TryGetCaller([NotNullWhen(true)] out ApiCaller? authenticated, [NotNullWhen(false)] out AuthenticationFailure? refused)
    {
        if (caller is not null)
        {
            (authenticated, refused) = (caller, null);
            return true;
        }

        (authenticated, refused) = (null, failure ?? throw Uninitialised());
        return false;
    }

    /// <summary>Maps either outcome to a value.</summary>
    /// <exception cref="InvalidOperationException">This is <c>default(AuthenticationResult)</c>.</exception>
    public T Match<T>(Func<ApiCaller, T> authenticated, Func<AuthenticationFailure, T> refused)
    {
        Guard.Against.Null(authenticated);
        Guard.Against.Null(refused);
        return caller is not null ? authenticated(caller) : refused(failure ?? throw Uninitialised());
    }

    /// <inheritdoc/>
    public override string ToString() => caller?.ToString() ?? failure?.ToString() ?? "(none)";

    private static InvalidOperationException Uninitialised() =>
        new("default(AuthenticationResult) is neither authenticated nor refused");
}
