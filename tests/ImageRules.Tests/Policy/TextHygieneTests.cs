using System.Text;
using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Tests.Support;
using static ImageRules.Tests.Support.Sample;

namespace ImageRules.Tests.Policy;

/// <summary>
/// Names and descriptions are stored NFC-normalised, names compare normalised, and the characters that hide or
/// reorder text are refused (R36, with R12's uniqueness): look-alike and reordered names cannot reach a console.
/// </summary>
public class TextHygieneTests
{
    /// <summary><c>café</c> with a precomposed <c>é</c> (NFC).</summary>
    private const string CafeComposed = "caf\u00e9";

    /// <summary><c>café</c> as <c>e</c> and a combining acute accent (NFD): the same name to a reader.</summary>
    private const string CafeDecomposed = "cafe\u0301";

    private static readonly Image Cafe = CustomImage(Alice, Guangzhou, "img-cafe0001", CafeComposed);

    /// <summary>Characters no name or description may hold: zero-width space, right-to-left override, byte-order mark, line and paragraph separators.</summary>
    public static TheoryData<string, string> HiddenOrReordering() => new()
    {
        { "zero-width space", "we\u200Bb" },
        { "right-to-left override", "\u202Eexe.txt" },
        { "byte-order mark", "\uFEFFweb" },
        { "line separator", "web\u2028server" },
        { "paragraph separator", "web\u2029server" },
        { "left-to-right mark", "web\u200E" },
    };

    private static Result<ImageCreated> Create(string name, string description = "", IEnumerable<Image>? catalogue = null) =>
        Engine.Seed.Decide(Sample.Create(Alice, Guangzhou, name) with { Description = description }, Engine.Facts(Alice, Guangzhou, catalogue: catalogue));

    [Fact]
    public void R36_the_precomposed_and_decomposed_spellings_differ_only_in_form()
    {
        Assert.NotEqual(CafeComposed, CafeDecomposed);
        Assert.Equal(CafeComposed, CafeDecomposed.Normalize(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData(CafeComposed, CafeDecomposed)]
    [InlineData(CafeDecomposed, CafeComposed)]
    public void R36_R12_a_name_that_differs_only_in_normal_form_is_a_duplicate(string existing, string requested)
    {
        var refused = Create(requested, catalogue: [Cafe with { Name = existing }]);

        var failure = Refused.Because<ImageNameDuplicate>(refused.Failure, "InvalidImageName.Duplicate", $"`{CafeComposed}`");
        Assert.Equal(new ImageNameDuplicate(CafeComposed, Guangzhou.Id), failure);
    }

    [Fact]
    public void R36_names_and_descriptions_are_stored_in_the_composed_form()
    {
        var image = Create(CafeDecomposed, description: $"menu of the {CafeDecomposed}").Value.Image;

        Assert.Equal(CafeComposed, image.Name);
        Assert.Equal($"menu of the {CafeComposed}", image.Description);
    }

    [Fact]
    public void R36_R12_renaming_and_copying_compare_names_in_the_composed_form_too()
    {
        var other = CustomImage(Alice, Guangzhou, "img-other001", "bar");
        var inShanghai = Cafe with { Id = new("img-cafe0002"), Region = Shanghai.Id };

        var renamed = Engine.Seed.Decide(new ModifyImage(Alice.Id, Guangzhou.Id, other.Id, Name: CafeDecomposed), Engine.Facts(Alice, Guangzhou, other, catalogue: [Cafe, other]));
        var copied = Engine.Seed.Decide(new CopyImage(Alice.Id, Guangzhou.Id, other.Id, Shanghai.Id, Name: CafeDecomposed), Engine.Facts(Alice, Guangzhou, other, catalogue: [inShanghai], target: Shanghai));

        Assert.Equal(new ImageNameDuplicate(CafeComposed, Guangzhou.Id), renamed.Failure);
        Assert.Equal(new ImageNameDuplicate(CafeComposed, Shanghai.Id), copied.Failure);
    }

    [Fact]
    public void R36_a_rename_to_the_images_own_name_in_another_form_is_no_duplicate_and_is_stored_composed()
    {
        var renamed = Engine.Seed.Decide(new ModifyImage(Alice.Id, Guangzhou.Id, Cafe.Id, Name: CafeDecomposed), Engine.Facts(Alice, Guangzhou, Cafe, catalogue: [Cafe])).Value;

        Assert.Equal(CafeComposed, renamed.Image.Name);
    }

    [Theory]
    [MemberData(nameof(HiddenOrReordering))]
    public void R36_a_name_with_a_character_that_hides_or_reorders_text_is_refused(string character, string name)
    {
        var created = Create(name);
        var imported = Engine.Seed.Decide(Import(Alice, Guangzhou, name), Engine.Facts(Alice, Guangzhou));
        var renamed = Engine.Seed.Decide(new ModifyImage(Alice.Id, Guangzhou.Id, Cafe.Id, Name: name), Engine.Facts(Alice, Guangzhou, Cafe, catalogue: [Cafe]));

        var expected = new ParameterInvalid("ImageName", name, ValueProblem.ForbiddenCharacters);
        foreach (var refused in new[] { created.Failure, imported.Failure, renamed.Failure })
        {
            Assert.True(expected.Equals(refused), $"{character}: {refused}");
            Refused.AssertMessageStyle(refused!.Message);
        }
    }

    [Theory]
    [MemberData(nameof(HiddenOrReordering))]
    public void R36_a_description_with_a_character_that_hides_or_reorders_text_is_refused(string character, string description)
    {
        var created = Create("web", description);
        var redescribed = Engine.Seed.Decide(new ModifyImage(Alice.Id, Guangzhou.Id, Cafe.Id, Description: description), Engine.Facts(Alice, Guangzhou, Cafe, catalogue: [Cafe]));

        var expected = new ParameterInvalid("ImageDescription", description, ValueProblem.ForbiddenCharacters);
        Assert.True(expected.Equals(created.Failure), $"{character}: {created.Failure}");
        Assert.True(expected.Equals(redescribed.Failure), $"{character}: {redescribed.Failure}");
    }

    [Theory]
    [InlineData("line one\nline two")]
    [InlineData("line one\r\nline two")]
    [InlineData("column\tcolumn")]
    public void R36_descriptions_keep_tabs_and_line_breaks(string description)
    {
        var image = Create("web", description).Value.Image;

        Assert.Equal(description, image.Description);
    }

    [Theory]
    [InlineData("line one\nline two")]
    [InlineData("bell\u0007")]
    [InlineData("escape\u001B[31m")]
    public void R36_names_refuse_every_control_character_line_breaks_included(string name)
    {
        var refused = Create(name);

        Assert.Equal(new ParameterInvalid("ImageName", name, ValueProblem.ForbiddenCharacters), refused.Failure);
    }

    [Theory]
    [InlineData("bell\u0007")]
    [InlineData("escape\u001B[31m")]
    [InlineData("delete\u007F")]
    public void R36_descriptions_refuse_control_characters_other_than_tab_and_line_breaks(string description)
    {
        var refused = Create("web", description);

        Assert.Equal(new ParameterInvalid("ImageDescription", description, ValueProblem.ForbiddenCharacters), refused.Failure);
    }

    /// <summary>
    /// Every ASCII character gets the same answer in ASCII text (checked in one vectorised pass) as in text that is
    /// not (decoded rune by rune), and the one its Unicode category gives: control characters are forbidden (tab and
    /// line breaks allowed in descriptions), NUL is broken text, the rest is accepted (R36).
    /// </summary>
    [Fact]
    public void R36_every_ascii_character_is_judged_alike_in_ascii_and_other_text_by_its_category()
    {
        for (var c = (char)0; c < 128; c++)
        {
            var expectedInName = c == '\0' ? ValueProblem.BrokenText : char.IsControl(c) ? ValueProblem.ForbiddenCharacters : (ValueProblem?)null;
            var expectedInDescription = c is '\t' or '\n' or '\r' ? null : expectedInName;
            foreach (var prefix in new[] { "ab", "é" })
            {
                var text = $"{prefix}{c}z";
                Assert.True(ProblemOf(Create(text)) == expectedInName, $"name {prefix} + U+{(int)c:X4}");
                Assert.True(ProblemOf(Create("web", description: text)) == expectedInDescription, $"description {prefix} + U+{(int)c:X4}");
            }
        }
    }

    private static ValueProblem? ProblemOf(Result<ImageCreated> created) =>
        created.IsSuccess ? null : Assert.IsType<ParameterInvalid>(created.Failure).Problem;

    /// <summary>A stored name not in NFC (seeded, or from an older release) is still compared in NFC: the Kelvin sign is the letter K (R36, R12).</summary>
    [Fact]
    public void R36_R12_a_stored_name_not_in_normal_form_is_compared_in_it()
    {
        var refused = Create("Kiln", catalogue: [Cafe with { Name = "\u212Ailn" }]);

        Assert.Equal(new ImageNameDuplicate("Kiln", Guangzhou.Id), refused.Failure);
    }

    [Theory]
    [InlineData("镜像-生产")]
    [InlineData("🚀 rocket")]
    [InlineData("👍🏽 thumbs")]
    [InlineData("naïve café")]
    public void R36_ordinary_text_of_any_script_and_emoji_is_accepted_unchanged(string name)
    {
        var image = Create(name).Value.Image;

        Assert.Equal(name, image.Name);
    }

    [Fact]
    public async Task R36_through_the_service_the_decomposed_spelling_of_a_taken_name_is_a_duplicate()
    {
        var world = await TestWorld.CreateAsync();
        Assert.True((await world.Service.CreateImageAsync(Sample.Create(Alice, Guangzhou, CafeComposed))).IsSuccess);

        var again = await world.Service.CreateImageAsync(Sample.Create(Alice, Guangzhou, CafeDecomposed));

        Refused.Because<ImageNameDuplicate>(again.Failure, "InvalidImageName.Duplicate", $"`{CafeComposed}`");
    }
}
