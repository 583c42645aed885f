using ImageRules.Domain;
using ImageRules.Persistence;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Policy.Requests;
using ImageRules.Relational;
using ImageRules.Storage.Tests.Support;
using ImageRules.Tests.Application;
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
        var instance = database.OpenInstance();
        var store = new RelationalImageStore(instance);
        var regions = new RelationalRegionRepository(instance);
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou) with
        {
            Name = text,
            Description = text,
            OperatingSystem = new ImageOperatingSystem(OsFamily.Linux, text, text),
        };
        var region = Sample.Guangzhou with { DisplayName = text };

        Assert.True(await store.TryCommitAsync(new CatalogueChange { Key = CatalogueKey.Of(image), ExpectedVersion = 0, Added = [image] }));
        await regions.SaveAsync(region);

        Assert.Equal(image, await store.FindAsync(image.Id));
        Assert.Equal(image, Assert.Single((await store.GetCatalogueAsync(CatalogueKey.Of(image))).Images));
        var listed = await store.QueryVisibleAsync(Sample.Alice.Id, Sample.Guangzhou.Id, new ImageFilter { NameContains = text, Platform = text }, PageRequest.First);
        Assert.Equal(image, Assert.Single(listed.Items).Image);
        Assert.Equal(region, await regions.FindAsync(region.Id));
        Assert.Equal((1, 1, 1, 0), (await database.ScalarAsync("SELECT COUNT(*) FROM images"), await database.ScalarAsync("SELECT version FROM catalogues"),
            await database.ScalarAsync("SELECT COUNT(*) FROM regions"), await database.ScalarAsync("SELECT COUNT(*) FROM grants")));
    }

    [Theory]
    [InlineData("Robert'); DROP TABLE images;--", "'; DELETE FROM grants; -- \"quoted\" $1 @p")]
    [InlineData("镜像 🚀 100% _web_ [prod]", "多行\n描述 with line breaks\r\nand a tab\t")]
    [InlineData("\u202Eevil\u202C e\u0301", "")]
    public async Task R12_names_and_descriptions_the_rules_accept_round_trip_exactly_through_the_service(string name, string description)
    {
        var world = await TestWorld.CreateAsync();

        var created = await world.Service.CreateImageAsync(Sample.Alice.Id, Sample.Create(Sample.Guangzhou, name) with { Description = description });
        var renamed = await world.Service.ModifyImageAsync(Sample.Alice.Id, Sample.Guangzhou.Id, new ModifyImageRequest(created.Value.Image.Id, name + " 2", description + " 2"));

        Assert.True(created.IsSuccess && renamed.IsSuccess);
        var listed = (await world.Service.DescribeImagesAsync(Sample.Alice.Id, Sample.Guangzhou.Id, new ImageFilter { NameContains = name })).Value;
        var image = Assert.Single(listed.Items).Image;
        Assert.Equal((name + " 2", description + " 2"), (image.Name, image.Description));
        Assert.Equal(renamed.Value.Image, await world.Store.FindAsync(image.Id));
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

        var created = await world.Service.CreateImageAsync(Sample.Alice.Id, Sample.Create(Sample.Guangzhou, "new") with { Description = description });
        var modified = await world.Service.ModifyImageAsync(Sample.Alice.Id, Sample.Guangzhou.Id, new ModifyImageRequest(kept.Id, Description: description));
        var imported = await world.Service.ImportImageAsync(Sample.Alice.Id, Sample.Import(Sample.Guangzhou) with { Description = description });

        Refusal.Is<DescriptionInvalid>(created.Failure, "InvalidParameterValue");
        Refusal.Is<DescriptionInvalid>(modified.Failure, "InvalidParameterValue");
        Refusal.Is<DescriptionInvalid>(imported.Failure, "InvalidParameterValue");
        Assert.Equal(kept, Assert.Single((await world.Store.GetCatalogueAsync(CatalogueKey.Of(kept))).Images));
    }

    [Theory]
    [InlineData("unpaired high surrogate")]
    [InlineData("unpaired low surrogate")]
    [InlineData("NUL")]
    public async Task R12_text_no_database_can_keep_is_refused_by_the_store_and_nothing_is_written(string textCase)
    {
        var database = await TestDatabase.CreateAsync();
        var instance = database.OpenInstance();
        var store = new RelationalImageStore(instance);
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou) with { OperatingSystem = new ImageOperatingSystem(OsFamily.Linux, "Linux", Unstorable(textCase)) };

        await Assert.ThrowsAsync<ArgumentException>(async () => await store.TryCommitAsync(new CatalogueChange { Key = CatalogueKey.Of(image), ExpectedVersion = 0, Added = [image] }));
        await Assert.ThrowsAsync<ArgumentException>(async () => await new RelationalRegionRepository(instance).SaveAsync(Sample.Guangzhou with { DisplayName = Unstorable(textCase) }));

        Assert.Null(await store.FindAsync(image.Id));
        Assert.Equal(0, (await store.GetCatalogueAsync(CatalogueKey.Of(image))).Version);
        Assert.Null(await new RelationalRegionRepository(instance).FindAsync(Sample.Guangzhou.Id));
    }

    /// <summary>Built in code: attribute arguments are stored as UTF-8, which would already have replaced a lone surrogate.</summary>
    private static string Unstorable(string textCase) => textCase switch
    {
        "unpaired high surrogate" => "before " + (char)0xD800 + " after",
        "unpaired low surrogate" => "before " + (char)0xDC00 + (char)0xD800 + " after",
        _ => "before \0 after",
    };
}
