using static ImageRules.AspNetCore.Tests.Support.ApiHost;

namespace ImageRules.AspNetCore.Tests.Endpoint;

/// <summary>DescribeImages' paging (Offset, Limit) and filters: values of one filter OR-ed, filters AND-ed (R2, R35).</summary>
public sealed partial class ImageApiEndpointTests
{
    private static object Filter(string name, params string[] values) => new { Name = name, Values = values };

    /// <summary>Five custom images a…e, created a second apart: newest first is e, d, c, b, a.</summary>
    private async Task<string[]> FiveImagesAsync()
    {
        var ids = new List<string>();
        foreach (var name in new[] { "a", "b", "c", "d", "e" })
        {
            ids.Add(await api.CreateImageAsync(name));
            api.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        return [.. ids];
    }

    [Fact]
    public async Task R2_Offset_and_Limit_page_through_the_matches_newest_first_with_the_total_on_every_page()
    {
        var ids = await FiveImagesAsync();
        var mine = new[] { Filter("image-type", "PRIVATE_IMAGE") };

        var pages = new List<List<string>>();
        foreach (var offset in new[] { 0, 2, 4, 6 })
        {
            var page = await DescribeImagesAsync(new { Filters = mine, Offset = offset, Limit = 2 });
            Assert.Equal(5, page.GetProperty("TotalCount").GetInt32());
            pages.Add(IdsOf(page));
        }

        Assert.Equal([[ids[4], ids[3]], [ids[2], ids[1]], [ids[0]], []], pages);
    }

    [Fact]
    public async Task R2_a_page_holds_20_images_unless_Limit_says_otherwise_and_at_most_100()
    {
        await using var roomy = await StartAsync(o => o.Profile = Policy.ImageRulesProfile.Provider2025);
        for (var i = 0; i < 12; i++)
        {
            await roomy.CreateImageAsync($"image-{i}");
        }

        var first = (await roomy.CallAsync("DescribeImages", "{}")).AssertSuccess();
        var all = (await roomy.CallAsync("DescribeImages", Json(new { Limit = 100 }))).AssertSuccess();

        Assert.Equal(21, first.GetProperty("TotalCount").GetInt32());
        Assert.Equal(20, first.GetProperty("ImageSet").GetArrayLength());
        Assert.Equal(21, all.GetProperty("ImageSet").GetArrayLength());
        (await roomy.CallAsync("DescribeImages", Json(new { Limit = 101 }))).AssertError("InvalidParameterValue.InvalidParameterValueLimit");
        (await roomy.CallAsync("DescribeImages", Json(new { Limit = 0 }))).AssertError("InvalidParameterValue.LimitExceeded");
        (await roomy.CallAsync("DescribeImages", Json(new { Offset = -1 }))).AssertError("InvalidParameter");
        (await roomy.CallAsync("DescribeImages", Json(new { Offset = ulong.MaxValue }))).AssertSuccess();
    }

    [Fact]
    public async Task R2_the_values_of_one_filter_are_OR_ed()
    {
        var ids = await FiveImagesAsync();

        var byName = await DescribeImagesAsync(new { Filters = new[] { Filter("image-name", "a", "c", "z") } });
        var byId = await DescribeImagesAsync(new { Filters = new[] { Filter("image-id", ids[1], ids[3]) } });
        var byPlatform = await DescribeImagesAsync(new { Filters = new[] { Filter("platform", "CentOS", "Ubuntu") } });
        var byType = await DescribeImagesAsync(new { Filters = new[] { Filter("image-type", "PRIVATE_IMAGE", "PUBLIC_IMAGE") }, Limit = 100 });

        Assert.Equal([ids[2], ids[0]], IdsOf(byName));
        Assert.Equal([ids[3], ids[1]], IdsOf(byId));
        Assert.Equal(4, byPlatform.GetProperty("TotalCount").GetInt32());
        Assert.Equal(14, byType.GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task R2_filters_are_AND_ed_even_two_of_the_same_name()
    {
        var ids = await FiveImagesAsync();

        var windows = await DescribeImagesAsync(new { Filters = new[] { Filter("image-type", "PUBLIC_IMAGE"), Filter("platform", "Windows") } });
        var mineNamedB = await DescribeImagesAsync(new { Filters = new[] { Filter("image-type", "PRIVATE_IMAGE"), Filter("image-name", "b", "Windows Server 2022 Datacenter 64-bit") } });
        var both = await DescribeImagesAsync(new { Filters = new[] { Filter("image-type", "PUBLIC_IMAGE"), Filter("image-type", "PRIVATE_IMAGE") } });
        var publicById = await DescribeImagesAsync(new { Filters = new[] { Filter("image-id", ids[0]), Filter("image-type", "PUBLIC_IMAGE") } });

        Assert.Equal(2, windows.GetProperty("TotalCount").GetInt32());
        Assert.All(windows.GetProperty("ImageSet").EnumerateArray(), i => Assert.Equal("Windows", i.GetProperty("Platform").GetString()));
        Assert.Equal([ids[1]], IdsOf(mineNamedB));
        Assert.Equal(0, both.GetProperty("TotalCount").GetInt32());
        Assert.Equal(0, publicById.GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task R2_R5_the_image_type_filter_tells_the_recipients_own_shared_and_public_images_apart()
    {
        var shared = await api.CreateSharedImageAsync("shared");
        var own = await api.CreateImageAsync("own", Recipient);

        var mineAndShared = await DescribeImagesAsync(new { Filters = new[] { Filter("image-type", "PRIVATE_IMAGE", "SHARED_IMAGE") } }, Recipient);
        var sharedOnly = await DescribeImagesAsync(new { Filters = new[] { Filter("image-type", "SHARED_IMAGE") } }, Recipient);

        Assert.Equal([own, shared], IdsOf(mineAndShared));
        Assert.Equal([shared], IdsOf(sharedOnly));
    }

    [Fact]
    public async Task R35_ImageIds_select_images_and_may_not_be_combined_with_Filters()
    {
        var ids = await FiveImagesAsync();
        var publicImage = await PublicImageAsync("Debian");

        var selected = await DescribeImagesAsync(new { ImageIds = new[] { ids[0], publicImage, "img-00000000" } });
        var combined = await api.CallAsync("DescribeImages", Json(new { ImageIds = new[] { ids[0] }, Filters = new[] { Filter("image-id", ids[1]) } }));

        Assert.Equal(new[] { ids[0], publicImage }.Order(StringComparer.Ordinal), IdsOf(selected).Order(StringComparer.Ordinal));
        Assert.Equal(2, selected.GetProperty("TotalCount").GetInt32());
        combined.AssertError("InvalidParameter.InvalidParameterCoexistImageIdsFilters");
    }

    [Fact]
    public async Task R35_the_lists_of_one_call_are_capped_as_the_reference_caps_them()
    {
        string[] Ids(int count) => [.. Enumerable.Range(0, count).Select(i => $"img-{i:D8}")];

        (await api.CallAsync("DescribeImages", Json(new { ImageIds = Ids(101) }))).AssertError("InvalidParameterValue.LimitExceeded");
        (await api.CallAsync("DescribeImages", Json(new { ImageIds = Ids(100) }))).AssertSuccess();
        (await api.CallAsync("DescribeImages", Json(new { Filters = Enumerable.Repeat(Filter("platform", "CentOS"), 11) }))).AssertError("InvalidParameterValue.LimitExceeded");
        (await api.CallAsync("DescribeImages", Json(new { Filters = Enumerable.Repeat(Filter("platform", "CentOS"), 10) }))).AssertSuccess();
        (await api.CallAsync("DescribeImages", Json(new { Filters = new[] { Filter("platform", "a", "b", "c", "d", "e", "f") } }))).AssertError("InvalidFilterValue.LimitExceeded");
        (await api.CallAsync("DescribeImages", Json(new { Filters = new[] { Filter("os-name", "CentOS") } }))).AssertError("InvalidFilter");
        (await api.CallAsync("DeleteImages", Json(new { ImageIds = Ids(101) }))).AssertError("InvalidParameterValue.LimitExceeded");
        (await api.CallAsync("SyncImages", Json(new { ImageIds = Ids(2), DestinationRegions = new[] { Shanghai } }))).AssertError("InvalidParameterValue.LimitExceeded");
        (await api.CallAsync("ModifyImageSharePermission", Json(new { ImageId = "img-00000000", AccountIds = Enumerable.Repeat("2000000001", 501), Permission = "SHARE" }))).AssertError("InvalidParameterValue.LimitExceeded");
    }

    [Fact]
    public async Task tag_filters_match_nothing_as_images_carry_no_tags()
    {
        await FiveImagesAsync();

        var tagged = await DescribeImagesAsync(new { Filters = new[] { Filter("tag-key", "env") } });
        var byValue = await DescribeImagesAsync(new { Filters = new[] { Filter("tag:env", "prod") } });

        Assert.Equal(0, tagged.GetProperty("TotalCount").GetInt32());
        Assert.Equal(0, byValue.GetProperty("TotalCount").GetInt32());
    }

    // One value of image-type, platform or image-id is served as one page of the store; the same filter with its value
    // repeated is matched over every visible image. Both must answer alike, page for page.
    public static TheoryData<string, string> StoreServedFilters => new()
    {
        { "image-type", "PRIVATE_IMAGE" },
        { "image-type", "PUBLIC_IMAGE" },
        { "image-type", "SHARED_IMAGE" },
        { "platform", "centos" },
        { "platform", "Ubuntu" },
    };

    [Theory]
    [MemberData(nameof(StoreServedFilters))]
    public async Task a_filter_the_store_serves_answers_as_the_same_filter_matched_image_by_image(string name, string value)
    {
        await FiveImagesAsync();
        await api.CreateSharedImageAsync("shared");

        foreach (var (offset, limit) in new[] { (0, 3), (3, 100), (2, 1) })
        {
            var served = await DescribeImagesAsync(new { Filters = new[] { Filter(name, value) }, Offset = offset, Limit = limit });
            var matched = await DescribeImagesAsync(new { Filters = new[] { Filter(name, value, value) }, Offset = offset, Limit = limit });

            Assert.Equal(matched.GetProperty("TotalCount").GetInt32(), served.GetProperty("TotalCount").GetInt32());
            Assert.Equal(IdsOf(matched), IdsOf(served));
        }
    }

    [Fact]
    public async Task an_image_id_filter_the_store_serves_answers_as_the_same_filter_matched_image_by_image()
    {
        var ids = await FiveImagesAsync();
        var publicImage = await PublicImageAsync("CentOS 7.9");

        foreach (var id in new[] { ids[2], publicImage, "img-00000000", "not-an-id" })
        {
            var served = await DescribeImagesAsync(new { Filters = new[] { Filter("image-id", id), Filter("image-type", "PRIVATE_IMAGE") } });
            var matched = await DescribeImagesAsync(new { Filters = new[] { Filter("image-id", id, id), Filter("image-type", "PRIVATE_IMAGE") } });

            Assert.Equal(IdsOf(matched), IdsOf(served));
        }

        Assert.Equal([ids[2]], IdsOf(await DescribeImagesAsync(new { Filters = new[] { Filter("image-id", ids[2]) } })));
    }
}
