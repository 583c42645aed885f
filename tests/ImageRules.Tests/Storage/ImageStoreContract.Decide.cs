using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Storage;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Storage;

/// <summary>
/// <see cref="IImageStore.DecideAsync"/>: the facts a load gives, the change decided on them committed as a commit
/// would, nothing written for no change or a decision that throws, and false only for a change the catalogue is not at.
/// </summary>
public abstract partial class ImageStoreContract
{
    [Fact]
    public async Task R11_deciding_hands_over_the_facts_a_load_gives_and_commits_the_change_decided_on_them()
    {
        var store = await NewStoreAsync();
        await SeedAsync(store);
        var key = Key(Sample.Alice, Sample.Guangzhou);
        var kept = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000001", "kept");
        await AddAsync(store, kept);
        var query = new FactsQuery(Sample.Alice.Id, Guangzhou) { Catalogue = key, Accounts = [Sample.Bob.Id] };
        var loaded = await store.LoadFactsAsync(query);
        var added = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000002", "added");
        ImageFacts? seen = null;

        var committed = await store.DecideAsync(query, facts =>
        {
            seen = facts;
            return Change(key, facts.Version) with { Added = [added] };
        });

        Assert.True(committed);
        Assert.Equal(loaded, seen);
        var after = await CatalogueAsync(store, key);
        Assert.Equal(loaded.Version + 1, after.Version);
        Assert.Equal(Ids([kept, added]), Ids(after.Catalogue));
    }

    [Fact]
    public async Task R20_deciding_about_an_image_locks_and_writes_that_image_s_catalogue()
    {
        var store = await NewStoreAsync();
        await SeedAsync(store);
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);
        await AddAsync(store, image);
        var grant = Sample.Grant(image, Sample.Bob);

        var committed = await store.DecideAsync(
            new FactsQuery(Sample.Alice.Id, Guangzhou) { Image = image.Id, AllGrants = true },
            facts => Change(CatalogueKey.Of(facts.Image!), facts.Version) with { GrantsAdded = [grant] });

        Assert.True(committed);
        Assert.Equal(grant, Assert.Single(await GrantsAsync(store, image.Id)));
        Assert.Equal(2, (await CatalogueAsync(store, CatalogueKey.Of(image))).Version);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task R38_R6_deciding_on_no_change_writes_nothing_and_answers_true_whether_the_image_exists_or_not(bool imageExists)
    {
        var store = await NewStoreAsync();
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);
        if (imageExists)
        {
            await AddAsync(store, image);
        }

        var emptyCatalogue = Key(Sample.Bob, Sample.Guangzhou);
        var byImage = await store.DecideAsync(new FactsQuery(Sample.Carol.Id, Guangzhou) { Image = image.Id, AllGrants = true }, _ => null);
        var byCatalogue = await store.DecideAsync(new FactsQuery(Sample.Bob.Id, Guangzhou) { Catalogue = emptyCatalogue }, _ => null);

        Assert.True(byImage);
        Assert.True(byCatalogue);
        Assert.Equal(imageExists ? 1 : 0, (await CatalogueAsync(store, CatalogueKey.Of(image))).Version);
        Assert.Equal(0, (await CatalogueAsync(store, emptyCatalogue)).Version);

        // A first commit to the catalogue that was only decided on still finds it new.
        Assert.True(await store.TryCommitAsync(Change(emptyCatalogue, 0) with { Added = [Sample.CustomImage(Sample.Bob, Sample.Guangzhou, "img-b0000001")] }));
    }

    [Theory]
    [InlineData("a stranger", false)]
    [InlineData("the owner in another region", false)]
    [InlineData("the owner", true)]
    [InlineData("a recipient", true)]
    public async Task R6_deciding_about_an_image_the_caller_cannot_see_hands_over_the_facts_of_a_missing_image(string caller, bool sees)
    {
        // The owner's catalogue holds more images and the image has grants: none of it may be loaded for a caller that
        // cannot see it, so that a write naming it costs what one naming a missing image costs (R6).
        var store = await NewStoreAsync();
        await SeedAsync(store);
        var image = Sample.CustomImage(Sample.Bob, Sample.Guangzhou, "img-b0000001", "hidden");
        await AddAsync(store, image, Sample.CustomImage(Sample.Bob, Sample.Guangzhou, "img-b0000002", "other"));
        await ShareAsync(store, image, Sample.Carol);
        var (account, region) = caller switch
        {
            "a stranger" => (Sample.Alice.Id, Guangzhou),
            "the owner in another region" => (Sample.Bob.Id, Shanghai),
            "the owner" => (Sample.Bob.Id, Guangzhou),
            _ => (Sample.Carol.Id, Guangzhou),
        };
        var asked = new FactsQuery(account, region) { Image = image.Id, AllGrants = true };

        var facts = await DecidedOnAsync(store, asked);
        var missing = await DecidedOnAsync(store, asked with { Image = new ImageId("img-missing1") });

        if (sees)
        {
            Assert.Equal((image, 1, 2, 2L), (facts.Image, facts.Grants.Length, facts.Catalogue.Length, facts.Version));
        }
        else
        {
            Assert.Equal(missing, facts);
            Assert.Equal((null, 0, 0, 0L), (facts.Image, facts.Grants.Length, facts.Catalogue.Length, facts.Version));
        }
    }

    /// <summary>The facts <see cref="IImageStore.DecideAsync"/> hands to a decision of <paramref name="query"/> that changes nothing.</summary>
    private static async Task<ImageFacts> DecidedOnAsync(IImageStore store, FactsQuery query)
    {
        ImageFacts? seen = null;
        await store.DecideAsync(query, facts =>
        {
            seen = facts;
            return null;
        });
        return seen!;
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public async Task R11_a_change_decided_for_another_version_than_the_facts_writes_nothing_and_answers_false(int offset)
    {
        var store = await NewStoreAsync();
        var key = Key(Sample.Alice, Sample.Guangzhou);
        await AddAsync(store, Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000001", "kept"));
        var late = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000002", "late");

        var committed = await store.DecideAsync(new FactsQuery(Sample.Alice.Id, Guangzhou) { Catalogue = key }, facts => Change(key, facts.Version + offset) with { Added = [late] });

        Assert.False(committed);
        Assert.Equal(1, (await CatalogueAsync(store, key)).Version);
        Assert.Null(await store.FindImageAsync(late.Id));
    }

    [Fact]
    public async Task R11_a_decision_that_throws_reaches_the_caller_and_writes_nothing()
    {
        var store = await NewStoreAsync();
        var key = Key(Sample.Alice, Sample.Guangzhou);

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await store.DecideAsync(new FactsQuery(Sample.Alice.Id, Guangzhou) { Catalogue = key }, _ => throw new InvalidOperationException("the decision failed")));

        Assert.Equal(0, (await CatalogueAsync(store, key)).Version);
        Assert.True(await store.TryCommitAsync(Change(key, 0) with { Added = [Sample.CustomImage(Sample.Alice, Sample.Guangzhou)] }));
    }

    [Fact]
    public async Task R16_a_decided_change_that_contradicts_its_catalogue_writes_nothing()
    {
        var store = await NewStoreAsync();
        var key = Key(Sample.Alice, Sample.Guangzhou);
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);
        await AddAsync(store, image);
        await ShareAsync(store, image, Sample.Bob);
        var extra = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000002", "extra");

        bool committed;
        try
        {
            committed = await store.DecideAsync(new FactsQuery(Sample.Alice.Id, Guangzhou) { Catalogue = key }, facts => Change(key, facts.Version) with { Added = [extra], Deleted = [image.Id] });
        }
        catch (InvalidOperationException)
        {
            committed = false;
        }

        Assert.False(committed);
        Assert.Null(await store.FindImageAsync(extra.Id));
        Assert.Equal(image, await store.FindImageAsync(image.Id));
        Assert.Equal(2, (await CatalogueAsync(store, key)).Version);
    }
}
