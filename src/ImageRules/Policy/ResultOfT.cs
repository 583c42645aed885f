using Ardalis.GuardClauses;
using OneOf;

namespace ImageRules.Policy;

/// <summary>
/// The outcome of a policy decision or a service operation: a <typeparamref name="T"/> on success, or one named
/// <see cref="Policy.Failure"/>. Domain failures are never thrown.
/// </summary>
/// <remarks>
/// A struct over <see cref="OneOf{T0, T1}"/>, so a successful decision allocates nothing of its own. Handle both
/// outcomes with <see cref="Match{TOut}"/> or <see cref="Switch"/>, or branch early with <see cref="TryGetValue"/>.
/// <c>default(Result&lt;T&gt;)</c> is not a valid result.
/// </remarks>
/// <typeparam name="T">The success value.</typeparam>
public readonly struct Result<T> : IEquatable<Result<T>>
{
    private readonly OneOf<T, Failure> outcome;

    private Result(OneOf<T, Failure> outcome) => this.outcome = outcome;

    /// <summary>True when the operation succeeded.</summary>
    public bool IsSuccess => outcome.IsT0;

    /// <summary>The success value.</summary>
    /// <exception cref="InvalidOperationException">The result is a failure; check <see cref="IsSuccess"/> first.</exception>
    public T Value => outcome.IsT0 ? outcome.AsT0 : throw new InvalidOperationException($"the result is a failure: {outcome.AsT1}");

    /// <summary>The failure, or <see langword="null"/> on success.</summary>
    public Failure? Failure => outcome.IsT1 ? outcome.AsT1 : null;

    /// <summary>The underlying union, for callers that use OneOf directly.</summary>
    public OneOf<T, Failure> AsOneOf => outcome;

    /// <summary>A success.</summary>
    public static implicit operator Result<T>(T value) => new(value);

    /// <summary>A failure.</summary>
    public static implicit operator Result<T>(Failure failure) => new(failure ?? throw new ArgumentNullException(nameof(failure)));

    /// <summary>Gives the value on success, or the failure otherwise.</summary>
    public bool TryGetValue(out T value, out Failure failure)
    {
        if (outcome.IsT0)
        {
            value = outcome.AsT0;
            failure = null!;
            return true;
        }

        value = default!;
        failure = outcome.AsT1;
        return false;
    }

    /// <summary>Maps each outcome to a <typeparamref name="TOut"/>.</summary>
    public TOut Match<TOut>(Func<T, TOut> success, Func<Failure, TOut> failure) => outcome.Match(success, failure);

    /// <summary>Runs the action for the outcome.</summary>
    public void Switch(Action<T> success, Action<Failure> failure) => outcome.Switch(success, failure);

    /// <summary>Continues with <paramref name="next"/> on success; passes a failure through unchanged.</summary>
    public Result<TOut> Then<TOut>(Func<T, Result<TOut>> next)
    {
        Guard.Against.Null(next);
        return outcome.IsT0 ? next(outcome.AsT0) : outcome.AsT1;
    }

    /// <summary>Maps a success value; passes a failure through unchanged.</summary>
    public Result<TOut> Select<TOut>(Func<T, TOut> map)
    {
        Guard.Against.Null(map);
        return outcome.IsT0 ? map(outcome.AsT0) : outcome.AsT1;
    }

    /// <inheritdoc/>
    public bool Equals(Result<T> other) => outcome.Equals(other.outcome);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Result<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => outcome.GetHashCode();

    /// <summary>Equality of outcomes.</summary>
    public static bool operator ==(Result<T> left, Result<T> right) => left.Equals(right);

    /// <summary>Inequality of outcomes.</summary>
    public static bool operator !=(Result<T> left, Result<T> right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() => outcome.Match(v => $"success: {v}", f => $"failure: {f}");
}
