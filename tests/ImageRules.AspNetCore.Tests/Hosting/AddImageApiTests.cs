using ImageRules.Application;
using ImageRules.AspNetCore.Lifecycle;
using ImageRules.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static ImageRules.AspNetCore.Tests.Support.ApiHost;

namespace ImageRules.AspNetCore.Tests.Hosting;

/// <summary>How <c>AddImageApi</c> registers the API: options from configuration then code, validated on start, harmless twice.</summary>
public class AddImageApiTests
{
    [Fact]
    public async Task options_are_bound_from_the_ImageRules_Api_section_and_code_applies_after_it()
    {
        await using var api = await StartAsync(
            api: o => o.FailImagesNamedWith = "from-code",
            configuration: new Dictionary<string, string?>
            {
                ["ImageRules:Api:ReadyAfter"] = "00:00:30",
                ["ImageRules:Api:InstancePricePerHour"] = "2.5",
                ["ImageRules:Api:FailImagesNamedWith"] = "from-configuration",
            });

        var options = api.Services.GetRequiredService<IOptions<ImageApiOptions>>().Value;
        var found = (await api.CallAsync("DescribeImages", Json(new { Filters = new[] { new { Name = "platform", Values = new[] { "Windows" } } } }), Abroad, Singapore)).AssertSuccess();
        var price = await api.CallAsync("InquiryPriceRunInstances", Json(new { Placement = new { Zone = "ap-singapore-1" }, ImageId = found.GetProperty("ImageSet")[0].GetProperty("ImageId").GetString() }), Abroad, Singapore);

        Assert.Equal(TimeSpan.FromSeconds(30), options.ReadyAfter);
        Assert.Equal("from-code", options.FailImagesNamedWith);
        Assert.Equal(2.54, price.AssertSuccess().GetProperty("Price").GetProperty("InstancePrice").GetProperty("UnitPrice").GetDouble(), 6);
    }

    [Theory]
    [InlineData("ReadyAfter", "-00:00:01")]
    [InlineData("InstancePricePerHour", "-0.01")]
    public async Task negative_options_fail_validation_on_start(string option, string value)
    {
        var thrown = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(configuration: new Dictionary<string, string?> { [$"ImageRules:Api:{option}"] = value }));

        Assert.Contains("must not be negative", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task calling_it_twice_leaves_one_platform_that_completes_each_image_once()
    {
        await using var api = await StartAsync(addImageApiTwice: true);
        var id = await api.CreateImageAsync("web-server");

        await api.AdvanceAsync(ReadyAfter);

        await api.WaitForStateAsync(id, "NORMAL");
        Assert.Single(api.Services.GetServices<IImageEventObserver>());
        Assert.Same(api.Lifecycle, api.Services.GetServices<IImageEventObserver>().Single());
        Assert.Equal(0, api.Lifecycle.Pending);
    }
}
