namespace ImageRules.AspNetCore.Authentication;

/// <summary>
/// The signing keys derived lately, by secret key, credential date and service: deriving one costs three HMACs, and
/// one key signs every request of its key, day and service, so each request but the first of a day finds it here.
/// </summary>
/// <remarks>
/// Bounded: <see cref="Slots"/> entries, each slot holding the last key derived for the scopes that hash to it, so a
/// client sending many services or keys costs recomputation, never memory. Thread-safe without locks: an entry is
/// immutable and a slot is replaced whole. A new date is a new entry, so yesterday's keys are replaced as today's are
/// derived. Neither the keys nor the secret keys are ever written anywhere (an entry has no readable
/// <c>ToString</c>).
/// </remarks>
internal sealed class Tc3SigningKeys
{
    /// <summary>How many keys are kept at most (a power of two).</summary>
    public const int Slots = 64;

    // A service longer than this (the SDKs send a short label such as "cvm" or "127") is derived, not kept.
    private const int LongestKeptService = 64;

    private readonly Entry?[] slots = new Entry?[Slots];

    /// <summary>Writes the signing key of <paramref name="secretKey"/> for the scope <paramref name="date"/>/<paramref name="service"/> to <paramref name="signingKey"/>.</summary>
    public void Find(string secretKey, ReadOnlySpan<char> date, ReadOnlySpan<char> service, Span<byte> signingKey)
    {
        if (service.Length > LongestKeptService)
        {
            Tc3Signature.DeriveSigningKey(secretKey, date, service, signingKey);
            return;
        }

        int slot = HashCode.Combine(string.GetHashCode(secretKey), string.GetHashCode(date), string.GetHashCode(service)) & (Slots - 1);
        var entry = Volatile.Read(ref slots[slot]);
        if (entry is not null && entry.Matches(secretKey, date, service))
        {
            entry.Key.CopyTo(signingKey);
            return;
        }

        Tc3Signature.DeriveSigningKey(secretKey, date, service, signingKey);
        Volatile.Write(ref slots[slot], new Entry(secretKey, date.ToString(), service.ToString(), signingKey.ToArray()));
    }

    private sealed class Entry(string secretKey, string date, string service, byte[] key)
    {
        public ReadOnlySpan<byte> Key => key;

        public bool Matches(string secretKey2, ReadOnlySpan<char> date2, ReadOnlySpan<char> service2) =>
            string.Equals(secretKey, secretKey2, StringComparison.Ordinal) && date2.SequenceEqual(date) && service2.SequenceEqual(service);
    }
}
