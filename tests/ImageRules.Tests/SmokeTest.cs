using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Tests.Support;

namespace ImageRules.Tests;

public class SmokeTest
{
    [Fact]
    public async Task R11_eleventh_image_in_a_region_is_refused_through_the_service()
    {
        var world = await TestWorld.CreateAsync();
        for (var i = 1; i <= 10; i++)
        {
            Assert.True((await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, $"image-{i}"))).IsSuccess);
        }

        var eleventh = await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, "image-11"));
        Assert.IsType<CustomImageQuotaExceeded>(eleventh.Failure);
        Assert.Equal("ImageQuotaLimitExceeded", eleventh.Failure!.Code);
    }

    [Fact]
    public async Task R26_recipient_launch_carries_the_untrusted_source_advisory()
    {
        var world = await TestWorld.CreateAsync();
        var image = await world.ReadyImageAsync(Sample.Alice, Sample.Guangzhou);
        Assert.True((await world.Service.ShareImageAsync(new ShareImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id, [Sample.Bob.Id]))).IsSuccess);

        var permit = (await world.Service.LaunchAsync(new LaunchImage(Sample.Bob.Id, Sample.Guangzhou.Id, image.Id))).Value;

        Assert.Equal(LaunchReason.ShareGrant, permit.Reason);
        Assert.Equal(Advisories.UntrustedSource, permit.Advisories);
    }
}
