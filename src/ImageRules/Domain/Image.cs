namespace ImageRules.Domain;

/// <summary>
/// A machine image: a public image of the platform (no owner) or a custom image of one account.
/// </summary>
/// <remarks>
/// Immutable; value equality; changed copies are made with <c>with</c>. Whether an image is public, custom or
/// shared depends on who looks at it: ask the policy (<c>ImagePolicy.See</c>) for the <see cref="ImageKind"/> a
/// viewer has. Names and descriptions are checked by the policy (R12) when an image is made or renamed.
/// </remarks>
public sealed record Image
{
    /// <summary>The longest name, in characters (R12).</summary>
    public const int MaxNameLength = 60;

    /// <summary>The longest description, in characters (R12).</summary>
    public const int MaxDescriptionLength = 256;

    /// <summary>The image id.</summary>
    public required ImageId Id { get; init; }

    /// <summary>The owning account; <see langword="null"/> for a public image provided by the platform (R3).</summary>
    public AccountId? Owner { get; init; }

    /// <summary>The region the image lives in; it is seen and launched only there (R5, R30).</summary>
    public required RegionId Region { get; init; }

    /// <summary>The name, 1–60 characters, unique among the owner's custom images in the region (R12).</summary>
    public required string Name { get; init; }

    /// <summary>The description, at most 256 characters (R12).</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>The operating system inside the image.</summary>
    public required ImageOperatingSystem OperatingSystem { get; init; }

    /// <summary>The processor architecture.</summary>
    public required Architecture Architecture { get; init; }

    /// <summary>The system disk size in GiB.</summary>
    public required int SizeGiB { get; init; }

    /// <summary>The life-cycle state.</summary>
    public required ImageState State { get; init; }

    /// <summary>Where the image came from.</summary>
    public required ImageSource Source { get; init; }

    /// <summary>The instance it was created from, for <see cref="ImageSource.Instance"/>.</summary>
    public InstanceId? SourceInstance { get; init; }

    /// <summary>The image it was copied from, for <see cref="ImageSource.Copied"/>.</summary>
    public ImageId? CopiedFrom { get; init; }

    /// <summary>When the image was made.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>True for a public image of the platform (no owner).</summary>
    public bool IsPublic => Owner is null;

    /// <summary>Who supports the image's operating system (R33).</summary>
    public SupportChannel Support => OperatingSystem.Support;

    /// <summary>True when <paramref name="account"/> owns this custom image.</summary>
    public bool IsOwnedBy(AccountId account) => Owner == account;
}
