using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Storage;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Storage;

/// <summary>
/// <see cref="IImageStore.LoadFactsAsync"/>: everything one decision needs in one read, the image's catalogue at one
/// version, and nothing of other accounts' grants in a read (R6, R27).
/// </summary>
public abstract partial class ImageStoreContract
{
    private static readonly Dictionary<string, (Func<Image> Image, Account Grantee, Account Caller)> HiddenCases = new()
    {
        ["another owner's image, shared with someone else"] = (() => Sample.CustomImage(Sample.Bob, Sample.Guangzhou, "img-h0000001"), Sample.Alice, Sample.Carol),
        ["the caller's own image, asked for in another region"] = (() => Sample.CustomImage(Sample.Carol, Sample.Shanghai, "img-h0000001"), Sample.Bob, Sample.Carol),
        ["an image shared with the caller, asked for in another region"] = (() => Sample.CustomImage(Sample.Bob, Sample.Shanghai, "img-h0000001"), Sample.Carol, Sample.Carol),
        ["a public image of another region"] = (() => Sample.PublicImage(Sample.Shanghai, "img-h0000001"), Sample.Carol, Sample.Carol),
    };

    [Fact]
    public async Task R7_R11_a_load_finds_the_caller_the_region_the_image_and_the_image_catalogue_at_its_version()
    {
        var store = await NewStoreAsync();
        await SeedAsync(store);
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000001", "first");
        var other = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000002", "second");
        await AddAsync(store, image, other);
        await AddAsync(store, Sample.CustomImage(Sample.Alice, Sample.Shanghai, "img-a0000003"), Sample.PublicImage(Sample.Guangzhou));
        var toBob = await ShareAsync(store, image, Sample.Bob);

        var facts = await store.LoadFactsAsync(new FactsQuery(Sample.Bob.Id, Guangzhou) { Image = image.Id });

        Assert.Equal((Sample.Bob, Sample.Guangzhou, image), (facts.Caller, facts.Region, facts.Image));
        Assert.Equal(new[] { toBob }, facts.Grants);
        Assert.Equal(Ids([image, other]), Ids(facts.Catalogue));
        Assert.Equal(2, facts.Version);
        Assert.Null(facts.TargetRegion);
        Assert.Empty(facts.Accounts);
    }

    [Fact]
    public async Task R20_R24_R27_a_write_loads_every_grant_of_the_image_and_a_read_only_the_caller_own()
    {
        var store = await NewStoreAsync();
        await SeedAsync(store);
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);
        var other = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000002", "other");
        await AddAsync(store, image, other);
        var toBob = await ShareAsync(store, image, Sample.Bob);
        var toCarol = await ShareAsync(store, image, Sample.Carol);
        await ShareAsync(store, other, Sample.Sam);

        var write = await store.LoadFactsAsync(new FactsQuery(Sample.Alice.Id, Guangzhou) { Image = image.Id, AllGrants = true });
        var byCarol = await store.LoadFactsAsync(new FactsQuery(Sample.Carol.Id, Guangzhou) { Image = image.Id });
        var bySam = await store.LoadFactsAsync(new FactsQuery(Sample.Sam.Id, Guangzhou) { Image = image.Id });
        var byOwner = await store.LoadFactsAsync(new FactsQuery(Sample.Alice.Id, Guangzhou) { Image = image.Id });

        Assert.Equal(new[] { toBob, toCarol }.ToHashSet(), write.Grants.ToHashSet());
        Assert.Equal(new[] { toCarol }, byCarol.Grants);
        Assert.Empty(bySam.Grants);
        Assert.Empty(byOwner.Grants);
        Assert.All(new[] { write, byCarol, bySam, byOwner }, facts => Assert.Equal(4, facts.Version));
    }

    [Fact]
    public async Task R14_a_named_catalogue_is_loaded_instead_of_the_image_own_with_the_target_region_and_the_accounts_named()
    {
        // As a copy loads: the source image, and the caller's catalogue in the target region that the copy joins.
        var store = await NewStoreAsync();
        await SeedAsync(store);
        var source = Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000001");
        var there = Sample.CustomImage(Sample.Alice, Sample.Shanghai, "img-a0000002", "already there");
        await AddAsync(store, source, Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000003", "another"));
        await AddAsync(store, there);
        var unknown = new AccountId("99999999999999999999");

        var facts = await store.LoadFactsAsync(new FactsQuery(Sample.Alice.Id, Guangzhou)
        {
            Image = source.Id,
            Catalogue = Key(Sample.Alice, Sample.Shanghai),
            TargetRegion = Shanghai,
            Accounts = [Sample.Bob.Id, unknown],
        });

        Assert.Equal((Sample.Alice, Sample.Guangzhou, source, Sample.Shanghai), (facts.Caller, facts.Region, facts.Image, facts.TargetRegion));
        Assert.Equal(new[] { there }, facts.Catalogue);
        Assert.Equal(1, facts.Version);
        Assert.Equal(new Dictionary<AccountId, Account> { [Sample.Bob.Id] = Sample.Bob }, facts.Accounts);
    }

    [Fact]
    public async Task R11_a_catalogue_named_without_an_image_is_loaded_at_its_version_as_a_create_needs_it()
    {
        var store = await NewStoreAsync();
        await SeedAsync(store);
        var images = Sample.CustomImages(Sample.Alice, Sample.Guangzhou, 3);
        await AddAsync(store, [.. images]);
        await AddAsync(store, Sample.CustomImage(Sample.Bob, Sample.Guangzhou, "img-b0000001"));

        var facts = await store.LoadFactsAsync(new FactsQuery(Sample.Alice.Id, Guangzhou) { Catalogue = Key(Sample.Alice, Sample.Guangzhou) });

        Assert.Equal((Sample.Alice, Sample.Guangzhou), (facts.Caller, facts.Region));
        Assert.Null(facts.Image);
        Assert.Empty(facts.Grants);
        Assert.Equal(Ids(images), Ids(facts.Catalogue));
        Assert.Equal(1, facts.Version);
    }

    [Fact]
    public async Task R3_a_public_catalogue_loads_for_the_platform_which_is_no_account()
    {
        // As publishing a public image loads: no caller account, the region's public images, and the id if taken.
        var store = await NewStoreAsync();
        await SeedAsync(store);
        var published = Sample.PublicImage(Sample.Guangzhou, "img-pub00001");
        await AddAsync(store, published, Sample.PublicImage(Sample.Shanghai, "img-pub00002"));

        var taken = await store.LoadFactsAsync(new FactsQuery(default, Guangzhou) { Image = published.Id, Catalogue = new CatalogueKey(null, Guangzhou) });
        var free = await store.LoadFactsAsync(new FactsQuery(default, Guangzhou) { Image = new ImageId("img-pub00003"), Catalogue = new CatalogueKey(null, Guangzhou) });

        Assert.Null(taken.Caller);
        Assert.Equal((Sample.Guangzhou, published, 1L), (taken.Region, taken.Image, taken.Version));
        Assert.Equal(new[] { published }, taken.Catalogue);
        Assert.Null(free.Image);
        Assert.Equal((1L, published), (free.Version, Assert.Single(free.Catalogue)));
    }

    [Fact]
    public async Task R7_a_load_naming_no_image_and_no_catalogue_reads_only_the_caller_and_the_region()
    {
        var store = await NewStoreAsync();
        await SeedAsync(store);
        await AddAsync(store, Sample.CustomImage(Sample.Alice, Sample.Guangzhou));

        var facts = await store.LoadFactsAsync(new FactsQuery(Sample.Alice.Id, Guangzhou));

        Assert.Equal((Sample.Alice, Sample.Guangzhou), (facts.Caller, facts.Region));
        Assert.Null(facts.Image);
        Assert.Empty(facts.Grants);
        Assert.Empty(facts.Catalogue);
        Assert.Equal(0, facts.Version);
    }

    [Fact]
    public async Task R6_a_missing_image_loads_no_image_no_grants_and_no_catalogue_but_every_other_fact()
    {
        var store = await NewStoreAsync();
        await SeedAsync(store);
        await AddAsync(store, Sample.CustomImage(Sample.Alice, Sample.Guangzhou));

        var facts = await store.LoadFactsAsync(new FactsQuery(Sample.Alice.Id, Guangzhou)
        {
            Image = new ImageId("img-nothere1"),
            AllGrants = true,
            TargetRegion = Shanghai,
            Accounts = [Sample.Bob.Id],
        });

        Assert.Null(facts.Image);
        Assert.Empty(facts.Grants);
        Assert.Empty(facts.Catalogue);
        Assert.Equal(0, facts.Version);
        Assert.Equal((Sample.Alice, Sample.Guangzhou, Sample.Shanghai), (facts.Caller, facts.Region, facts.TargetRegion));
        Assert.Equal(new[] { Sample.Bob.Id }, facts.Accounts.Keys);
    }

    [Theory]
    [InlineData("another owner's image, shared with someone else")]
    [InlineData("the caller's own image, asked for in another region")]
    [InlineData("an image shared with the caller, asked for in another region")]
    [InlineData("a public image of another region")]
    public async Task R6_an_image_hidden_from_the_caller_loads_as_a_missing_one_does_and_both_are_not_found(string hiddenCase)
    {
        // Unless asked for the image as seen (FactsQuery.ImageAsSeen), the store does not judge visibility, the engine
        // does (ImagePolicy.KindFor): a hidden image is loaded like any other, and only the image's own record, its grants and its catalogue tell it from a missing id. What
        // the facts say of the caller, the place and the accounts named is the same, a read carries no other
        // account's grant, and every decision answers ImageNotFound for both.
        var (makeImage, grantee, caller) = HiddenCases[hiddenCase];
        var hidden = makeImage();
        var withImage = await NewStoreAsync();
        var without = await NewStoreAsync();
        await SeedAsync(withImage);
        await SeedAsync(without);
        await AddAsync(withImage, hidden);
        if (hidden.Owner is not null)
        {
            await ShareAsync(withImage, hidden, grantee);
        }

        foreach (var (query, decide) in Decisions(caller.Id, hidden.Id))
        {
            var found = await withImage.LoadFactsAsync(query) with { Now = Sample.Now };
            var missing = await without.LoadFactsAsync(query) with { Now = Sample.Now };

            Assert.Equal(hidden, found.Image);
            Assert.Null(missing.Image);
            Assert.Equal((missing.Caller, missing.Region, missing.TargetRegion), (found.Caller, found.Region, found.TargetRegion));
            Assert.Equal(missing.Accounts, found.Accounts);
            if (!query.AllGrants)
            {
                Assert.All(found.Grants, g => Assert.Equal(caller.Id, g.Recipient));
            }

            Assert.Equal(new ImageNotFound(hidden.Id), decide(missing));
            Assert.Equal(new ImageNotFound(hidden.Id), decide(found));
        }
    }

    [Theory]
    [InlineData("another owner's image, shared with someone else", false)]
    [InlineData("another owner's image, shared with someone else", true)]
    [InlineData("the caller's own image, asked for in another region", true)]
    [InlineData("an image shared with the caller, asked for in another region", false)]
    [InlineData("an image shared with the caller, asked for in another region", true)]
    [InlineData("a public image of another region", false)]
    public async Task R6_a_read_of_an_image_as_seen_loads_one_hidden_from_the_caller_exactly_as_a_missing_one(string hiddenCase, bool allGrants)
    {
        // A get, a launch or a grants read (FactsQuery.ImageAsSeen): the store itself leaves out an image the caller
        // cannot see, so nothing of it, its grants or its owner's catalogue is loaded, as for a missing id.
        var (makeImage, grantee, caller) = HiddenCases[hiddenCase];
        var hidden = makeImage();
        var store = await NewStoreAsync();
        await SeedAsync(store);
        await AddAsync(store, hidden, hidden with { Id = new ImageId("img-h0000002"), Name = "beside it" });
        if (hidden.Owner is not null)
        {
            await ShareAsync(store, hidden, grantee);
        }

        var read = new FactsQuery(caller.Id, Guangzhou) { Image = hidden.Id, AllGrants = allGrants, ImageAsSeen = true };
        var found = await store.LoadFactsAsync(read);
        var missing = await store.LoadFactsAsync(read with { Image = new ImageId("img-missing1") });

        Assert.Equal(missing, found);
        Assert.Equal((null, 0, 0, 0L), (found.Image, found.Grants.Length, found.Catalogue.Length, found.Version));
        Assert.Equal((caller, Sample.Guangzhou), (found.Caller, found.Region));
    }

    [Theory]
    [InlineData("the owner", true)]
    [InlineData("the owner", false)]
    [InlineData("a recipient", true)]
    [InlineData("a recipient", false)]
    public async Task R1_R27_a_read_of_an_image_as_seen_loads_a_visible_image_and_its_grants_but_no_catalogue(string caller, bool allGrants)
    {
        var store = await NewStoreAsync();
        await SeedAsync(store);
        var image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);
        await AddAsync(store, image, Sample.CustomImage(Sample.Alice, Sample.Guangzhou, "img-a0000002", "beside it"));
        var toBob = await ShareAsync(store, image, Sample.Bob);
        var toCarol = await ShareAsync(store, image, Sample.Carol);
        var account = caller == "the owner" ? Sample.Alice : Sample.Carol;

        var facts = await store.LoadFactsAsync(new FactsQuery(account.Id, Guangzhou) { Image = image.Id, AllGrants = allGrants, ImageAsSeen = true });

        Assert.Equal((account, Sample.Guangzhou, image), (facts.Caller, facts.Region, facts.Image));
        ShareGrant[] grants = allGrants ? [toBob, toCarol] : caller == "the owner" ? [] : [toCarol];
        Assert.Equal(grants.ToHashSet(), facts.Grants.ToHashSet());
        Assert.Equal((0, 0L), (facts.Catalogue.Length, facts.Version));
    }

    /// <summary>
    /// Every decision about one existing image, with the facts the service loads for it (a read: the caller's grant;
    /// a write: every grant and the accounts named; a copy: the caller's catalogue in the target region), as the
    /// failure it answers (null when allowed).
    /// </summary>
    private static IEnumerable<(FactsQuery Query, Func<ImageFacts, Failure?> Decide)> Decisions(AccountId caller, ImageId image)
    {
        var policy = new ImagePolicy();
        var read = new FactsQuery(caller, Guangzhou) { Image = image };
        var write = read with { AllGrants = true, Accounts = [Sample.Bob.Id] };
        var copy = read with { AllGrants = true, Catalogue = new CatalogueKey(caller, Shanghai), TargetRegion = Shanghai };
        return
        [
            (read, f => policy.Decide(new GetImage(caller, Guangzhou, image), f).Failure),
            (read, f => policy.Decide(new LaunchImage(caller, Guangzhou, image), f).ToResult().Failure),
            (write, f => policy.Decide(new DescribeShareGrants(caller, Guangzhou, image), f).Failure),
            (write, f => policy.Decide(new ModifyImage(caller, Guangzhou, image, Name: "renamed"), f).Failure),
            (write, f => policy.Decide(new DeleteImage(caller, Guangzhou, image), f).Failure),
            (write, f => policy.Decide(new ShareImage(caller, Guangzhou, image, [Sample.Bob.Id]), f).Failure),
            (write, f => policy.Decide(new CancelSharing(caller, Guangzhou, image, [Sample.Bob.Id]), f).Failure),
            (write, f => policy.Decide(new CancelAllSharing(caller, Guangzhou, image), f).Failure),
            (copy, f => policy.Decide(new CopyImage(caller, Guangzhou, image, Shanghai), f).Failure),
        ];
    }
}
