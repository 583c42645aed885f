using ImageRules.Domain;
using ImageRules.Policy;
using static ImageRules.Tests.Support.Sample;

namespace ImageRules.Tests.Policy;

/// <summary>
/// The limits and switches of the rules: the seed defaults, the Provider 2025 preset, single options over a profile,
/// and invalid options (R11, R15, R17, R21, R25, R37). The policy resolves them once, when it is made.
/// </summary>
public class OptionsTests
{
    [Fact]
    public void R11_R21_R25_the_seed_profile_is_10_images_50_accounts_and_no_copy_by_recipients()
    {
        var seed = new ImagePolicy(new ImageRulesOptions());

        Assert.Equal(10, seed.MaxCustomImagesPerRegion);
        Assert.Equal(50, seed.MaxShareRecipientsPerImage);
        Assert.False(seed.RecipientsMayCopyWithinRegion);
        Assert.False(seed.AllowCopyAcrossMainlandBorder);
        Assert.Equal(TimeSpan.FromHours(1), seed.TransitionTimeout);
        Assert.Equal(FlatPriceList.Default, seed.PriceList);
        Assert.Empty(new ImageRulesOptions().Validate());
    }

    [Fact]
    public void R11_R21_new_options_name_the_seed_profile_and_leave_every_limit_to_it()
    {
        var options = new ImageRulesOptions();

        Assert.Equal(ImageRulesProfile.Seed, options.Profile);
        Assert.Null(options.MaxCustomImagesPerRegion);
        Assert.Null(options.MaxShareRecipientsPerImage);
        Assert.Null(options.RecipientsMayCopyWithinRegion);
        Assert.Equal("ImageRules", ImageRulesOptions.SectionName);
    }

    [Fact]
    public void R11_R21_a_policy_made_without_options_follows_the_seed_profile()
    {
        var unset = new ImagePolicy();
        var seed = new ImagePolicy(new ImageRulesOptions());

        Assert.Equal(Figures(seed), Figures(unset));
    }

    [Fact]
    public void R11_R21_R25_the_provider_2025_preset_is_500_images_500_accounts_and_copy_by_recipients_within_the_region()
    {
        var preset = Engine.Provider2025;

        Assert.Equal(500, preset.MaxCustomImagesPerRegion);
        Assert.Equal(500, preset.MaxShareRecipientsPerImage);
        Assert.True(preset.RecipientsMayCopyWithinRegion);
        Assert.False(preset.AllowCopyAcrossMainlandBorder);
    }

    [Fact]
    public void R11_R21_R25_a_single_option_overrides_its_profiles_figure_and_leaves_the_others()
    {
        var policy = new ImagePolicy(new ImageRulesOptions { Profile = ImageRulesProfile.Provider2025, MaxCustomImagesPerRegion = 20, RecipientsMayCopyWithinRegion = false });

        Assert.Equal((20, 500, false), (policy.MaxCustomImagesPerRegion, policy.MaxShareRecipientsPerImage, policy.RecipientsMayCopyWithinRegion));
    }

    [Fact]
    public void R11_options_changed_after_the_policy_is_made_change_no_decision()
    {
        var options = new ImageRulesOptions { MaxCustomImagesPerRegion = 1 };
        var policy = new ImagePolicy(options);

        options.MaxCustomImagesPerRegion = 5;
        options.Profile = ImageRulesProfile.Provider2025;

        Assert.Equal(1, policy.MaxCustomImagesPerRegion);
        Assert.False(policy.Decide(Create(Alice, Guangzhou, "second"), Engine.Facts(Alice, Guangzhou, catalogue: [CustomImage(Alice, Guangzhou)])).IsSuccess);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void R11_a_custom_image_limit_below_1_is_rejected_with_a_clear_message(int limit)
    {
        var options = new ImageRulesOptions { MaxCustomImagesPerRegion = limit };

        var rejected = Assert.Throws<ArgumentException>(() => new ImagePolicy(options));

        Assert.Contains($"MaxCustomImagesPerRegion is {limit}: it must be at least 1", rejected.Message, StringComparison.Ordinal);
        Assert.Equal("options", rejected.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(int.MinValue)]
    public void R21_a_share_limit_below_1_is_rejected_with_a_clear_message(int limit)
    {
        var options = new ImageRulesOptions { MaxShareRecipientsPerImage = limit };

        var rejected = Assert.Throws<ArgumentException>(() => new ImagePolicy(options));

        Assert.Contains($"MaxShareRecipientsPerImage is {limit}: it must be at least 1", rejected.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public void R37_a_transition_timeout_that_is_not_positive_is_rejected(int seconds)
    {
        var options = new ImageRulesOptions { TransitionTimeout = TimeSpan.FromSeconds(seconds) };

        var rejected = Assert.Throws<ArgumentException>(() => new ImagePolicy(options));

        Assert.Contains("TransitionTimeout is", rejected.Message, StringComparison.Ordinal);
        Assert.Contains("it must be positive", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Event_redelivery_needs_a_positive_interval_and_a_backoff_no_shorter()
    {
        Assert.Empty(new ImageRulesOptions().Validate());
        Assert.Equal(
            "EventRedeliveryInterval is 00:00:00: it must be positive",
            string.Join(" | ", new ImageRulesOptions { EventRedeliveryInterval = TimeSpan.Zero }.Validate()));
        Assert.Equal(
            "EventRedeliveryMaxBackoff is 00:00:01: it must be at least EventRedeliveryInterval (00:00:05)",
            string.Join(" | ", new ImageRulesOptions { EventRedeliveryMaxBackoff = TimeSpan.FromSeconds(1) }.Validate()));
    }

    [Fact]
    public void R11_R21_an_undefined_profile_is_rejected()
    {
        var options = new ImageRulesOptions { Profile = (ImageRulesProfile)7 };

        Assert.Contains(options.Validate(), problem => problem.StartsWith("Profile is 7: it must be Seed or Provider2025", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => new ImagePolicy(options));
    }

    [Fact]
    public void R11_R21_every_problem_is_listed_at_once()
    {
        var options = new ImageRulesOptions { MaxCustomImagesPerRegion = 0, MaxShareRecipientsPerImage = 0 };

        Assert.Equal(2, options.Validate().Length);
        var rejected = Assert.Throws<ArgumentException>(() => new ImagePolicy(options));
        Assert.Contains("MaxCustomImagesPerRegion", rejected.Message, StringComparison.Ordinal);
        Assert.Contains("MaxShareRecipientsPerImage", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R17_a_policy_without_a_price_list_quotes_from_the_default_one()
    {
        var prices = new FlatPriceList(0.2m, 0.3m, "EUR");

        Assert.Same(FlatPriceList.Default, new ImagePolicy(priceList: null).PriceList);
        Assert.Same(prices, new ImagePolicy(priceList: prices).PriceList);
    }

    [Fact]
    public void R11_R21_a_limit_of_1_is_valid_and_enforced()
    {
        var policy = Engine.With(o => (o.MaxCustomImagesPerRegion, o.MaxShareRecipientsPerImage) = (1, 1));
        var image = CustomImage(Alice, Guangzhou);
        ImageFacts Sharing(Image shared) => Engine.Facts(Alice, Guangzhou, shared);

        Assert.True(policy.Decide(Create(Alice, Guangzhou, "first"), Engine.Facts(Alice, Guangzhou)).IsSuccess);
        Assert.False(policy.Decide(Create(Alice, Guangzhou, "second"), Engine.Facts(Alice, Guangzhou, catalogue: [image])).IsSuccess);
        Assert.True(policy.Decide(new ShareImage(Alice.Id, Guangzhou.Id, image.Id, [Bob.Id]), Sharing(image)).IsSuccess);
        Assert.False(policy.Decide(new ShareImage(Alice.Id, Guangzhou.Id, image.Id, [Bob.Id, Carol.Id]), Sharing(image)).IsSuccess);
    }

    [Fact]
    public void R15_copy_across_the_mainland_border_is_off_unless_switched_on()
    {
        var image = CustomImage(Alice, Guangzhou);
        var request = new CopyImage(Alice.Id, Guangzhou.Id, image.Id, Singapore.Id);
        var facts = Engine.Facts(Alice, Guangzhou, image, target: Singapore);
        var open = new ImagePolicy(new ImageRulesOptions { Profile = ImageRulesProfile.Provider2025, AllowCopyAcrossMainlandBorder = true });

        Assert.False(Engine.Provider2025.Decide(request, facts).IsSuccess);
        Assert.Equal(ImageState.Syncing, open.Decide(request, facts).Value.Copy.State);
    }

    private static (int, int, bool, bool, TimeSpan, IPriceList) Figures(ImagePolicy policy) =>
        (policy.MaxCustomImagesPerRegion, policy.MaxShareRecipientsPerImage, policy.RecipientsMayCopyWithinRegion, policy.AllowCopyAcrossMainlandBorder, policy.TransitionTimeout, policy.PriceList);
}
