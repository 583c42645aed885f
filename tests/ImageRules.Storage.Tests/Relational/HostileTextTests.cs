using System.Text;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Relational;
using ImageRules.Storage.Tests.Support;
using ImageRules.Tests.Storage;
using ImageRules.Tests.Support;

namespace ImageRules.Storage.Tests;

/// <summary>
/// Hostile text reaching the database: stored and read back exactly, or refused (by the rules, or by the store for text
/// no database can keep) with nothing written; never an injected statement or a corrupted row.
/// </summary>
public class HostileTextTests
{
    private static readonly Dictionary<string, string> Texts = new()
    {
        ["statement injection"] = "Robert'); DROP TABLE images; DELETE FROM grants; --",
        ["always true"] = "' OR '1'='1' --",
        ["double quotes and comments"] = "\"; /* x */ UPDATE catalogues SET version = 0; --",
        ["parameter markers"] = "$1 $$x$$ @id :name ? %s {0} @@version",
        ["backslashes"] = "\\' \\\" \\\\ \\0 \\n",
        ["wildcards"] = "100% _off_ [a-z] ^ *",
        ["control characters"] = "line\nbreak\r\ntab\tbell\a escape\u001b",
        ["unicode"] = "镜像 🚀 e\u0301 ﬁ Ωμέγα \u202Eevil\u202C \uFEFF zero\u200Bwidth",
        ["100 000 characters"] = new string('x', 100_000),
        ["50 000 emoji"] = string.Concat(Enumerable.Repeat("🚀", 50_000)),
    };

    [Theory]
    [InlineData("statement injection")]
    [InlineData("always true")]
    [InlineData("double quotes and comments")]
    [InlineData("parameter markers")]
    [InlineData("backslashes")]
    [InlineData("wildcards")]
    [InlineData("control characters")]
    [InlineData("unicode")]
    [InlineData("100 000 characters")]
    [InlineData("50 000 emoji")]
    public async Task R12_any_text_the_store_is_given_reads_back_exactly_and_runs_nothing(string textCase)
    {
        var text = Texts[textCase];
        var database = await TestDatabase.CreateAsync();
        await using var store = new RelationalImageStore(database.OpenInstance());
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou) with
        {
            Name = text,
            Description = text,
            OperatingSystem = new ImageOperatingSystem(OsFamily.Linux, text, text),
        };
        var region = Sample.Guangzhou with { DisplayName = text };

        Assert.True(await store.TryCommitAsync(new CatalogueChange { Key = CatalogueKey.Of(image), ExpectedVersion = 0, Added = [image] }));
        await store.SaveRegionAsync(region);

        Assert.Equal(image, await store.FindImageAsync(image.Id));
        Assert.Equal(image, Assert.Single((await ImageStoreContract.CatalogueAsync(store, CatalogueKey.Of(image))).Catalogue));
        var listed = await store.QueryVisibleAsync(Sample.Alice.Id, Sample.Guangzhou.Id, new ImageFilter { NameContains = text, Platform = text }, PageRequest.First);
        Assert.Equal(image, Assert.Single(listed.Items).Image);
        Assert.Equal(region, (await store.LoadFactsAsync(new FactsQuery(Sample.Alice.Id, region.Id))).Region);
        Assert.Equal((1, 1, 1, 0), (await database.ScalarAsync("SELECT COUNT(*) FROM images"), await database.ScalarAsync("SELECT version FROM catalogues"),
            await database.ScalarAsync("SELECT COUNT(*) FROM regions"), await database.ScalarAsync("SELECT COUNT(*) FROM grants")));
    }

    [Theory]
    [InlineData("Robert'); DROP TABLE images;--", "'; DELETE FROM grants; -- \"quoted\" $1 @p")]
    [InlineData("镜像 🚀 100% _web_ [prod]", "多行\n描述 with line breaks\r\nand a tab\t")]
    [InlineData("e\u0301 Ωμέγα ﬁ", "")]
    public async Task R12_R36_names_and_descriptions_the_rules_accept_round_trip_exactly_as_the_rules_store_them_through_the_service(string name, string description)
    {
        var world = await TestWorld.CreateAsync();

        var created = await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, name) with { Description = description });
        var renamed = await world.Service.ModifyImageAsync(new ModifyImage(Sample.Alice.Id, Sample.Guangzhou.Id, created.Value.Image.Id, name + " 2", description + " 2"));

        Assert.True(created.IsSuccess && renamed.IsSuccess);
        var listed = (await world.Service.DescribeImagesAsync(new DescribeImages(Sample.Alice.Id, Sample.Guangzhou.Id, new ImageFilter { NameContains = name.Normalize(NormalizationForm.FormC) }))).Value;
        var image = Assert.Single(listed.Items).Image;
        Assert.Equal(((name + " 2").Normalize(NormalizationForm.FormC), (description + " 2").Normalize(NormalizationForm.FormC)), (image.Name, image.Description));
        Assert.Equal(renamed.Value.Image, await world.Store.FindImageAsync(image.Id));
        Assert.Equal(1, world.Store.ImageCount);
    }

    [Theory]
    [InlineData("unpaired high surrogate")]
    [InlineData("unpaired low surrogate")]
    [InlineData("NUL")]
    public async Task R12_a_description_holding_broken_text_or_NUL_is_refused_by_the_rules_and_nothing_is_stored(string textCase)
    {
        var description = Unstorable(textCase);
        var world = await TestWorld.CreateAsync();
        var kept = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);

        var created = await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, "new") with { Description = description });
        var modified = await world.Service.ModifyImageAsync(new ModifyImage(Sample.Alice.Id, Sample.Guangzhou.Id, kept.Id, Description: description));
        var imported = await world.Service.ImportImageAsync(Sample.Import(Sample.Alice, Sample.Guangzhou) with { Description = description });

        Assert.All(
            new[] { created.Failure, modified.Failure, imported.Failure },
            failure => Assert.Equal(("InvalidParameterValue", "ImageDescription"), (failure?.Code, Assert.IsType<ParameterInvalid>(failure).Parameter)));
        Assert.Equal(kept, Assert.Single((await ImageStoreContract.CatalogueAsync(world.Store, CatalogueKey.Of(kept))).Catalogue));
    }

    [Theory]
    [InlineData("unpaired high surrogate")]
    [InlineData("unpaired low surrogate")]
    [InlineData("NUL")]
    public async Task R12_text_no_database_can_keep_is_refused_by_the_store_and_nothing_is_written(string textCase)
    {
        var database = await TestDatabase.CreateAsync();
        await using var store = new RelationalImageStore(database.OpenInstance());
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou) with { OperatingSystem = new ImageOperatingSystem(OsFamily.Linux, "Linux", Unstorable(textCase)) };

        await Assert.ThrowsAsync<ArgumentException>(async () => await store.TryCommitAsync(new CatalogueChange { Key = CatalogueKey.Of(image), ExpectedVersion = 0, Added = [image] }));
        await Assert.ThrowsAsync<ArgumentException>(async () => await store.SaveRegionAsync(Sample.Guangzhou with { DisplayName = Unstorable(textCase) }));

        Assert.Null(await store.FindImageAsync(image.Id));
        var facts = await ImageStoreContract.CatalogueAsync(store, CatalogueKey.Of(image));
        Assert.Equal(0, facts.Version);
        Assert.Null(facts.Region);
    }

    /// <summary>Built in code: attribute arguments are stored as UTF-8, which would already have replaced a lone surrogate.</summary>
    private static string Unstorable(string textCase) => textCase switch
    {
        "unpaired high surrogate" => "before " + (char)0xD800 + " after",
        "unpaired low surrogate" => "before " + (char)0xDC00 + (char)0xD800 + " after",
        _ => "before \0 after",
    };
}
