using System.Text.RegularExpressions;
using ImageRules.Samples.Quickstart;

namespace ImageRules.Samples.Tests;

/// <summary>The README's main sample still tells its story: each chapter's key line, and each refusal with its code.</summary>
public sealed partial class QuickstartStoryTests(QuickstartStoryTests.ToldStory story) : IClassFixture<QuickstartStoryTests.ToldStory>
{
    [Fact]
    public void R31_windows_is_free_in_the_mainland_and_carries_the_licence_fee_outside_it()
    {
        Assert.Contains("in ap-guangzhou (Chinese mainland): allowed (a public image), no licence fee", story.Output);
        Assert.Contains("in ap-singapore (outside the mainland): allowed (a public image), licence fee 0.04 USD per hour", story.Output);
    }

    [Fact]
    public void R17_creating_a_custom_image_shows_the_storage_quote()
    {
        Assert.Contains("\"web-server\" is Creating; its snapshot storage will cost 2.5 USD a month", story.Output);
    }

    [Fact]
    public void R11_the_eleventh_image_in_a_region_is_refused_with_its_code()
    {
        Assert.Contains("10 of 10 custom images used", story.Output);
        Assert.Contains("refused: ImageQuotaLimitExceeded (R11): account `1038493875` already has 10 custom images in region `ap-guangzhou`", story.Output);
    }

    [Fact]
    public void R14_R15_a_copy_is_free_and_counted_in_its_region_but_not_across_the_mainland_border()
    {
        Assert.Contains("is Syncing, charge 0 USD", story.Output);
        Assert.Contains("quota of 1038493875 in ap-shanghai: 1 of 10", story.Output);
        Assert.Contains("refused: UnsupportedOperation.Region (R15)", story.Output);
    }

    [Fact]
    public void R1_R26_R32_the_recipient_sees_a_shared_image_and_launches_it_free_with_the_advisory()
    {
        Assert.Contains("as a Shared image; Alice sees it as Custom", story.Output);
        Assert.Contains("Bob launches it: allowed (shared by 1038493875), no licence fee", story.Output);
        Assert.Contains("advisory: the platform does not check shared images", story.Output);
    }

    [Fact]
    public void R25_the_recipient_is_refused_a_re_share_and_a_rename()
    {
        var refusals = Refusals().Where(r => r.Code == "UnsupportedOperation.SharedImageModifyUnsupported").ToList();
        Assert.Equal(2, refusals.Count);
        Assert.EndsWith("who cannot share it", refusals[0].Message, StringComparison.Ordinal);
        Assert.EndsWith("who cannot rename or re-describe it", refusals[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R16_R24_R6_delete_waits_for_cancelled_sharing_after_which_the_recipient_no_longer_finds_the_image()
    {
        string[] inOrder =
        [
            "refused: InvalidImageId.InShared (R16)",
            "Alice cancels sharing with Bob: 1 grant removed",
            "refused: InvalidImageId.NotFound (R6)",
            ": deleted;",
            "9 of 10 custom images used (deleting freed a slot)",
        ];
        var positions = inOrder.Select(line => story.Output.IndexOf(line, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void R6_R11_R15_R16_R25_every_refusal_shows_its_code_rule_and_message_and_only_these_refusals_happen()
    {
        var codes = Refusals().Select(r => $"{r.Code} ({r.Rule})");
        Assert.Equal(
            [
                "ImageQuotaLimitExceeded (R11)",
                "UnsupportedOperation.Region (R15)",
                "UnsupportedOperation.SharedImageModifyUnsupported (R25)",
                "UnsupportedOperation.SharedImageModifyUnsupported (R25)",
                "InvalidImageId.InShared (R16)",
                "InvalidImageId.NotFound (R6)",
            ],
            codes);
        Assert.Equal(Regex.Count(story.Output, "refused"), codes.Count());
    }

    private IEnumerable<(string Code, string Rule, string Message)> Refusals() =>
        RefusalLine().Matches(story.Output).Select(m => (m.Groups["code"].Value, m.Groups["rule"].Value, m.Groups["message"].Value));

    [GeneratedRegex(@"^   refused: (?<code>[A-Za-z.]+) \((?<rule>R\d+)\): (?<message>\S.*)$", RegexOptions.Multiline)]
    private static partial Regex RefusalLine();

    /// <summary>The story, told once for all the tests of the class.</summary>
    public sealed class ToldStory : IAsyncLifetime
    {
        public string Output { get; private set; } = string.Empty;

        public async Task InitializeAsync()
        {
            using var output = new StringWriter();
            await Story.RunAsync(output);
            Output = output.ToString().ReplaceLineEndings("\n");
        }

        public Task DisposeAsync() => Task.CompletedTask;
    }
}
