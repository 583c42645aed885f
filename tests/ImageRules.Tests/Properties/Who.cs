using ImageRules.Domain;

namespace ImageRules.Tests.Properties;

/// <summary>The account making an operation on an image: the image's owner, or a fixed account (often the wrong one).</summary>
/// <param name="Account">The fixed account, or null for the image's owner.</param>
public sealed record Who(AccountId? Account)
{
    /// <summary>The image's owner (the world's main account for a public image or one never made).</summary>
    public static Who ImageOwner { get; } = new((AccountId?)null);

    /// <inheritdoc/>
    public override string ToString() => Account is { } account ? account.Value : "its owner";
}
