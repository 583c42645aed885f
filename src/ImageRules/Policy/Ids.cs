using System.Collections.Immutable;
using Ardalis.GuardClauses;
using ImageRules.Domain;
using ImageRules.Policy.Failures;

namespace ImageRules.Policy;

/// <summary>
/// Reads ids from user input with the provider's error codes (R7), for hosts that answer the provider's API: a
/// malformed id is a named <see cref="Failure"/>, never an exception. Combine several with <see cref="Result.All{T1, T2, T3}"/>.
/// </summary>
/// <remarks>The BCL way (<c>ImageId.TryParse</c>, <c>ImageId.Parse</c>, which throws <see cref="FormatException"/>) is on each id type.</remarks>
public static class Ids
{
    /// <summary>An account id, or <see cref="AccountNotFound"/>: the provider answers a malformed account id as an unknown one.</summary>
    public static Result<AccountId> Account(string? text) =>
        AccountId.TryParse(text, out var id) ? id : new AccountNotFound(text);

    /// <summary>A region id, or <see cref="RegionNotFound"/>: the provider answers a malformed region as an unknown one.</summary>
    public static Result<RegionId> Region(string? text) =>
        RegionId.TryParse(text, out var id) ? id : new RegionNotFound(text);

    /// <summary>An image id, or <see cref="ImageIdMalformed"/>.</summary>
    public static Result<ImageId> Image(string? text) =>
        ImageId.TryParse(text, out var id) ? id : new ImageIdMalformed(text);

    /// <summary>An instance id, or <see cref="InstanceIdMalformed"/> (R10).</summary>
    public static Result<InstanceId> Instance(string? text) =>
        InstanceId.TryParse(text, out var id) ? id : new InstanceIdMalformed(text);

    /// <summary>Every account id, in order, or the failure of the first malformed one (all or nothing, R20).</summary>
    public static Result<ImmutableArray<AccountId>> Accounts(IEnumerable<string?> texts) => Each(texts, Account);

    /// <summary>Every image id, in order, or the failure of the first malformed one.</summary>
    public static Result<ImmutableArray<ImageId>> Images(IEnumerable<string?> texts) => Each(texts, Image);

    private static Result<ImmutableArray<T>> Each<T>(IEnumerable<string?> texts, Func<string?, Result<T>> read)
    {
        Guard.Against.Null(texts);
        var ids = ImmutableArray.CreateBuilder<T>();
        foreach (var text in texts)
        {
            if (!read(text).TryGetValue(out var id, out var failure))
            {
                return failure;
            }

            ids.Add(id);
        }

        return ids.ToImmutable();
    }
}
