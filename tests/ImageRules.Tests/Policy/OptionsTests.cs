using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Policy.Requests;
using static ImageRules.Tests.Support.Sample;

namespace ImageRules.Tests.Policy;

/// <summary>The limits and switches of the rules: the seed defaults, the Provider 2025 preset, and invalid options (R11, R15, R17, R21, R25).</summary>
public class OptionsTests
{
    [Fact]
    public void R11_R21_R25_the_seed_profile_is_10_images_50_accounts_and_no_copy_by_recipients()
    {
        var seed = ImageRulesOptions.Seed;

        Assert.Equal(10, seed.MaxCustomImagesPerRegion);
        Assert.Equal(50, seed.MaxShareRecipientsPerImage);
        Assert.False(seed.RecipientsMayCopyWithinRegion);
        Assert.False(seed.AllowCopyAcrossMainlandBorder);
        Assert.Equal(FlatPriceList.Default, seed.PriceList);
        Assert.Empty(seed.Validate());
    }

    [Fact]
    public void R11_R21_a_policy_made_without_options_follows_the_seed_profile()
    {
        Assert.Equal(ImageRulesOptions.Seed, new ImagePolicy().Options);
        Assert.Equal(ImageRulesOptions.Seed, new ImageRulesOptions());
    }

    [Fact]
    public void R11_R21_R25_the_provider_2025_preset_is_500_images_500_accounts_and_copy_by_recipients_within_the_region()
    {
        var preset = ImageRulesOptions.Provider2025;

        Assert.Equal(500, preset.MaxCustomImagesPerRegion);
        Assert.Equal(500, preset.MaxShareRecipientsPerImage);
        Assert.True(preset.RecipientsMayCopyWithinRegion);
        Assert.False(preset.AllowCopyAcrossMainlandBorder);
        Assert.Equal(preset, new ImagePolicy(preset).Options);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void R11_a_custom_image_limit_below_1_is_rejected_with_a_clear_message(int limit)
    {
        var options = ImageRulesOptions.Seed with { MaxCustomImagesPerRegion = limit };

        var rejected = Assert.Throws<ArgumentException>(() => new ImagePolicy(options));

        Assert.Contains($"MaxCustomImagesPerRegion is {limit}: it must be at least 1", rejected.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(int.MinValue)]
    public void R21_a_share_limit_below_1_is_rejected_with_a_clear_message(int limit)
    {
        var options = ImageRulesOptions.Seed with { MaxShareRecipientsPerImage = limit };

        var rejected = Assert.Throws<ArgumentException>(() => new ImagePolicy(options));

        Assert.Contains($"MaxShareRecipientsPerImage is {limit}: it must be at least 1", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R11_R21_every_problem_is_listed_at_once()
    {
        var options = ImageRulesOptions.Seed with { MaxCustomImagesPerRegion = 0, MaxShareRecipientsPerImage = 0 };

        Assert.Equal(2, options.Validate().Length);
        var rejected = Assert.Throws<ArgumentException>(options.EnsureValid);
        Assert.Contains("MaxCustomImagesPerRegion", rejected.Message, StringComparison.Ordinal);
        Assert.Contains("MaxShareRecipientsPerImage", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R17_a_missing_price_list_is_rejected()
    {
        var options = ImageRulesOptions.Seed with { PriceList = null! };

        var rejected = Assert.Throws<ArgumentException>(() => new ImagePolicy(options));

        Assert.Contains("PriceList is missing", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R11_R21_a_limit_of_1_is_valid_and_enforced()
    {
        var policy = new ImagePolicy(ImageRulesOptions.Seed with { MaxCustomImagesPerRegion = 1, MaxShareRecipientsPerImage = 1 });
        var image = CustomImage(Alice, Guangzhou);
        var known = Engine.Known(Accounts);

        Assert.True(policy.CreateFromInstance(Create(Guangzhou, "first"), Alice.Id, Guangzhou, [], Engine.NextImage).IsSuccess);
        Assert.False(policy.CreateFromInstance(Create(Guangzhou, "second"), Alice.Id, Guangzhou, [image], Engine.NextImage).IsSuccess);
        Assert.True(policy.Share(image, Alice, Guangzhou.Id, null, [Bob.Id], known, [], Now).IsSuccess);
        Assert.False(policy.Share(image, Alice, Guangzhou.Id, null, [Bob.Id, Carol.Id], known, [], Now).IsSuccess);
    }

    [Fact]
    public void R15_copy_across_the_mainland_border_is_off_unless_switched_on()
    {
        var image = CustomImage(Alice, Guangzhou);
        var request = new CopyImageRequest(image.Id, Singapore.Id);
        var open = new ImagePolicy(ImageRulesOptions.Provider2025 with { AllowCopyAcrossMainlandBorder = true });

        Assert.False(Engine.Provider2025.Copy(request, Alice.Id, Guangzhou, image, null, Singapore, [], Engine.NextImage).IsSuccess);
        Assert.Equal(ImageState.Syncing, open.Copy(request, Alice.Id, Guangzhou, image, null, Singapore, [], Engine.NextImage).Value.Copy.State);
    }
}
