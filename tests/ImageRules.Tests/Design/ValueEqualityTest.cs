using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Storage;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Design;

/// <summary>
/// Records that hold immutable arrays or dictionaries still compare by value, as every other record of the library
/// does: two requests, facts, changes or events made from equal parts are equal, whoever made their collections.
/// </summary>
public class ValueEqualityTest
{
    private static readonly Image Image = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);

    private static ImmutableArray<ShareGrant> Grants() => [Sample.Grant(Image, Sample.Bob), Sample.Grant(Image, Sample.Carol)];

    private static ImmutableArray<AccountId> Recipients() => [Sample.Bob.Id, Sample.Carol.Id];

    [Fact]
    public void R20_share_events_with_the_same_grants_are_equal()
    {
        AssertValueEquality(new ImageShared(Image, Grants(), Sample.Now), new ImageShared(Image, Grants(), Sample.Now), new ImageShared(Image, Grants()[..1], Sample.Now));
        AssertValueEquality(new ImageSharingCancelled(Image, Grants(), Sample.Now), new ImageSharingCancelled(Image, Grants(), Sample.Now), new ImageSharingCancelled(Image, [], Sample.Now));
    }

    [Fact]
    public void R2_pages_with_the_same_items_are_equal()
    {
        ImmutableArray<VisibleImage> Items() => [new VisibleImage(Image, ImageKind.Custom)];

        AssertValueEquality(new ImagePage(Items(), 1), new ImagePage(Items(), 1), new ImagePage(Items(), 2));
    }

    [Fact]
    public void R2_filters_with_the_same_image_ids_are_equal()
    {
        AssertValueEquality(
            new ImageFilter { ImageIds = [Image.Id], Kind = ImageKind.Custom },
            new ImageFilter { ImageIds = [Image.Id], Kind = ImageKind.Custom },
            new ImageFilter { ImageIds = [], Kind = ImageKind.Custom });
    }

    [Fact]
    public void R20_R24_share_and_cancel_requests_with_the_same_accounts_are_equal()
    {
        var (alice, guangzhou) = (Sample.Alice.Id, Sample.Guangzhou.Id);

        AssertValueEquality(new ShareImage(alice, guangzhou, Image.Id, Recipients()), new ShareImage(alice, guangzhou, Image.Id, Recipients()), new ShareImage(alice, guangzhou, Image.Id, Recipients()[..1]));
        AssertValueEquality(new CancelSharing(alice, guangzhou, Image.Id, Recipients()), new CancelSharing(alice, guangzhou, Image.Id, Recipients()), new CancelSharing(alice, guangzhou, Image.Id, Recipients(), DryRun: true));
    }

    [Fact]
    public void R11_catalogue_changes_with_the_same_images_and_grants_are_equal()
    {
        CatalogueChange Change(long version) => new()
        {
            Key = CatalogueKey.Of(Image),
            ExpectedVersion = version,
            Added = [Image],
            GrantsAdded = Grants(),
        };

        AssertValueEquality(Change(3), Change(3), Change(4));
    }

    [Fact]
    public void Facts_and_their_queries_with_the_same_parts_are_equal()
    {
        ImageFacts Facts() => new()
        {
            Caller = Sample.Alice,
            Region = Sample.Guangzhou,
            Image = Image,
            Grants = Grants(),
            Catalogue = [Image],
            Accounts = Sample.Accounts.ToImmutableDictionary(a => a.Id),
            Now = Sample.Now,
        };
        FactsQuery Query() => new(Sample.Alice.Id, Sample.Guangzhou.Id) { Image = Image.Id, Accounts = Recipients() };

        AssertValueEquality(Facts(), Facts(), Facts() with { Grants = Grants()[..1] });
        AssertValueEquality(Query(), Query(), Query() with { Accounts = [] });
    }

    [Fact]
    public void Provider_catalogues_with_the_same_regions_and_images_are_equal()
    {
        ProviderCatalogue Catalogue() => new([.. ProviderCatalogue.Default.Regions], [.. ProviderCatalogue.Default.PublicImages]);

        AssertValueEquality(Catalogue(), Catalogue(), Catalogue() with { PublicImages = [] });
    }

    [Fact]
    public void Failures_compare_their_structured_fields()
    {
        AssertValueEquality(new ParameterInvalid("ImageName", " web", ValueProblem.EdgeWhiteSpace), new ParameterInvalid("ImageName", " web", ValueProblem.EdgeWhiteSpace), new ParameterInvalid("ImageName", " web", ValueProblem.Empty));
        AssertValueEquality(new AccountNotFound("2000000001", Image.Id), new AccountNotFound("2000000001", Image.Id), new AccountNotFound("2000000001"));
    }

    [Fact]
    public void Every_public_record_that_holds_an_immutable_collection_declares_its_own_equality()
    {
        var records = typeof(ImagePolicy).Assembly.GetExportedTypes().Where(t => t.GetMethod("<Clone>$") is not null || (t.IsValueType && t.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null));

        var byReference = records
            .Where(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p => HoldsImmutableCollection(p.PropertyType)))
            .Where(t => t.GetMethod(nameof(Equals), BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly, [t]) is not { } equals || equals.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)))
            .Select(t => t.FullName);

        Assert.Empty(byReference);
    }

    private static bool HoldsImmutableCollection(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.Namespace == typeof(ImmutableArray).Namespace && typeof(IEnumerable).IsAssignableFrom(underlying);
    }

    /// <summary>Equal parts make equal values with equal hash codes; a differing part makes a different value.</summary>
    private static void AssertValueEquality<T>(T value, T same, T different)
        where T : notnull
    {
        Assert.Equal(value, same);
        Assert.Equal(value.GetHashCode(), same.GetHashCode());
        Assert.NotEqual(value, different);
    }
}
