using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>The owner already has a custom image of this name in the region (R12).</summary>
/// <remarks>Code <c>InvalidImageName.Duplicate</c>.</remarks>
/// <param name="Name">The name asked for.</param>
/// <param name="Region">The region where the owner already uses it.</param>
public sealed record DuplicateImageName(string Name, RegionId Region) : Failure
{
    /// <summary>The provider's error code for this failure.</summary>
    public const string ErrorCode = "InvalidImageName.Duplicate";

    /// <inheritdoc/>
    public override string Code => ErrorCode;

    /// <inheritdoc/>
    public override string Rule => "R12";

    /// <inheritdoc/>
    public override string Message => $"image name {IdSyntax.Quote(Name)} is already used in region `{Region}`";
}
