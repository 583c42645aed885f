using System.Collections.Frozen;
using Ardalis.GuardClauses;

namespace ImageRules.AspNetCore.Authentication;

/// <summary>A fixed set of API keys held in memory: the default <see cref="IApiCredentials"/>.</summary>
/// <remarks>Immutable once made, and so safe to share between threads.</remarks>
public sealed class InMemoryApiCredentials : IApiCredentials
{
    private readonly FrozenDictionary<string, ApiCredential> bySecretId;
    private readonly FrozenDictionary<string, ApiCredential>.AlternateLookup<ReadOnlySpan<char>> bySecretIdText;

    /// <summary>Holds <paramref name="credentials"/>, for example <c>new InMemoryApiCredentials([key1, key2])</c>.</summary>
    /// <param name="credentials">The keys to accept; none accepts no request.</param>
    /// <exception cref="ArgumentException">A credential is null, or two share a secret id.</exception>
    public InMemoryApiCredentials(IEnumerable<ApiCredential> credentials)
    {
        Guard.Against.Null(credentials);
        var keys = new Dictionary<string, ApiCredential>(StringComparer.Ordinal);
        foreach (var credential in credentials)
        {
            Guard.Against.Null(credential, nameof(credentials));
            if (!keys.TryAdd(credential.SecretId, credential))
            {
                throw new ArgumentException($"secret id `{credential.SecretId}` is given twice", nameof(credentials));
            }
        }

        bySecretId = keys.ToFrozenDictionary(StringComparer.Ordinal);
        bySecretIdText = bySecretId.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <inheritdoc/>
    public ApiCredential? Find(string secretId)
    {
        Guard.Against.Null(secretId);
        return bySecretId.GetValueOrDefault(secretId);
    }

    /// <summary>The credential whose secret id is <paramref name="secretId"/>, found without making a string of it.</summary>
    internal ApiCredential? Find(ReadOnlySpan<char> secretId) => bySecretIdText.TryGetValue(secretId, out var credential) ? credential : null;
}
