using ImageRules.Domain;

namespace ImageRules.Tests.Policy;

/// <summary>A generated request of Alice to share her Guangzhou image, for the sharing properties.</summary>
/// <param name="Holders">The accounts that hold a grant already.</param>
/// <param name="Recipients">The accounts named in the request, possibly bad, repeated or holders already.</param>
/// <param name="Limit">The most accounts the image may be shared with, never below the holders' count.</param>
public sealed record ShareAttempt(IReadOnlyList<Account> Holders, IReadOnlyList<AccountId> Recipients, int Limit)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"holders [{string.Join(", ", Holders.Select(h => h.Id))}], recipients [{string.Join(", ", Recipients)}], limit {Limit}";
}
