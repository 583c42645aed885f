namespace ImageRules.Policy;

/// <summary>A named set of the rules' figures (docs/rules.md, "Profiles"); single options override it.</summary>
public enum ImageRulesProfile
{
    /// <summary>The provider overview's figures: 10 custom images per account and region, 50 recipients per image, shared images cannot be copied.</summary>
    Seed,

    /// <summary>The provider's API figures: 500 custom images per account and region and 500 recipients per image (API reference since 2024); a recipient may copy a shared image within its region as its own (since 2025).</summary>
    Provider2025,
}
