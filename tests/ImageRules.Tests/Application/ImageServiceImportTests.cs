using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Application;

public class ImageServiceImportTests
{
    [Fact]
    public async Task R18_an_accepted_import_is_saved_importing_with_its_storage_quote()
    {
        var world = await TestWorld.CreateAsync();

        var imported = (await world.Service.ImportImageAsync(Sample.Import(Sample.Alice, Sample.Guangzhou, "centos"))).Value;

        var image = imported.Image;
        Assert.Equal((Sample.Alice.Id, Sample.Guangzhou.Id, "centos"), (image.Owner, image.Region, image.Name));
        Assert.Equal((ImageState.Importing, ImageSource.Imported), (image.State, image.Source));
        Assert.Equal(new ImageOperatingSystem(OsFamily.Linux, OsPlatform.CentOS, "CentOS 7.9"), image.OperatingSystem);
        Assert.Equal(Advisories.None, imported.Advisories);
        Assert.Equal(new Money(2.5m, "USD"), imported.StorageQuotePerMonth);
        Assert.Equal(image, await world.Store.FindImageAsync(image.Id));
    }

    [Fact]
    public async Task R18_an_imported_windows_image_says_it_has_no_activation_service()
    {
        var world = await TestWorld.CreateAsync();

        var imported = (await world.Service.ImportImageAsync(Sample.Import(Sample.Alice, Sample.Guangzhou, "win", "Windows", "Windows Server 2016 Datacenter"))).Value;

        Assert.Equal(Advisories.NoWindowsActivation, imported.Advisories);
        Assert.Equal(OsFamily.Windows, imported.Image.OperatingSystem.Family);
    }

    [Fact]
    public async Task R18_an_iso_file_is_imported_only_when_forced()
    {
        var world = await TestWorld.CreateAsync();
        var iso = Sample.Import(Sample.Alice, Sample.Guangzhou) with { Url = "https://b-1250000000.cos.ap-guangzhou.myqcloud.com/disk.iso" };

        Refusal.Is<IsoMustImportByForce>((await world.Service.ImportImageAsync(iso)).Failure, "InvalidParameterValue.ISOMustImportByForce");
        Assert.True((await world.Service.ImportImageAsync(iso with { Force = true })).IsSuccess);
    }

    [Theory]
    [InlineData("region without import", "RegionUnavailable", "InvalidRegion.Unavailable")]
    [InlineData("not a url", "ImportUrlInvalid NotAUrl", "InvalidParameter.InvalidParameterUrlError")]
    [InlineData("file in another region", "ImportUrlInvalid NotInRegion", "InvalidParameter.InvalidParameterUrlError")]
    [InlineData("unknown format", "ImportUrlInvalid Unsupported", "InvalidParameter.InvalidParameterUrlError")]
    [InlineData("file over 50 GiB", "ParameterTooLarge FileSize", "InvalidParameterValue.TooLarge")]
    [InlineData("system disk over 500 GiB", "ParameterTooLarge SystemDiskSize", "InvalidParameterValue.TooLarge")]
    [InlineData("unsupported os type", "OsTypeUnsupported", "InvalidImageOsType.Unsupported")]
    [InlineData("unsupported windows release", "OsVersionUnsupported", "InvalidImageOsVersion.Unsupported")]
    [InlineData("arm64", "ParameterInvalid Architecture", "InvalidParameterValue")]
    [InlineData("invalid name", "ParameterInvalid ImageName", "InvalidParameterValue")]
    public async Task R18_each_refused_import_names_its_failure_and_saves_nothing(string refusedCase, string failure, string code)
    {
        var world = await TestWorld.CreateAsync();

        var imported = await world.Service.ImportImageAsync(Refused(refusedCase));

        Assert.Equal(failure, Described(imported.Failure));
        Assert.Equal(code, imported.Failure!.Code);
        Assert.Equal(0, world.Store.ImageCount);
    }

    [Fact]
    public async Task R11_R18_an_import_counts_against_the_region_quota()
    {
        var world = await TestWorld.CreateAsync();
        await ImageServiceCreateTests.CreateManyAsync(world, Sample.Alice, Sample.Guangzhou, 10);

        var imported = await world.Service.ImportImageAsync(Sample.Import(Sample.Alice, Sample.Guangzhou));

        Refusal.Is<CustomImageQuotaExceeded>(imported.Failure, "ImageQuotaLimitExceeded");
    }

    [Fact]
    public async Task R12_R18_an_import_takes_a_name_unused_by_the_owner_in_the_region()
    {
        var world = await TestWorld.CreateAsync();
        await world.Service.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, "web"));

        var imported = await world.Service.ImportImageAsync(Sample.Import(Sample.Alice, Sample.Guangzhou, "web"));

        Refusal.Is<ImageNameDuplicate>(imported.Failure, "InvalidImageName.Duplicate");
    }

    [Fact]
    public async Task R7_an_import_by_an_unknown_caller_or_into_an_unknown_region_is_not_found()
    {
        var world = await TestWorld.CreateAsync();

        var byStranger = await world.Service.ImportImageAsync(Sample.Import(Sample.Alice, Sample.Guangzhou) with { Caller = new AccountId("99999999") });
        var nowhere = await world.Service.ImportImageAsync(Sample.Import(Sample.Alice, Sample.Guangzhou) with { Region = new("eu-nowhere") });

        Refusal.Is<AccountNotFound>(byStranger.Failure, "InvalidAccountId.NotFound");
        Refusal.Is<RegionNotFound>(nowhere.Failure, "InvalidRegion.NotFound");
    }

    /// <summary>The failure's type, and what it names where one type covers several refusals.</summary>
    private static string? Described(Failure? failure) => failure switch
    {
        ImportUrlInvalid url => $"{nameof(ImportUrlInvalid)} {url.Problem}",
        ParameterTooLarge tooLarge => $"{nameof(ParameterTooLarge)} {tooLarge.Parameter}",
        ParameterInvalid invalid => $"{nameof(ParameterInvalid)} {invalid.Parameter}",
        _ => failure?.GetType().Name,
    };

    private static ImportImage Refused(string refusedCase)
    {
        var valid = Sample.Import(Sample.Alice, Sample.Guangzhou);
        return refusedCase switch
        {
            "region without import" => Sample.Import(Sample.Alice, Sample.Finance),
            "not a url" => valid with { Url = "centos.qcow2" },
            "file in another region" => valid with { Url = "https://b-1250000000.cos.ap-shanghai.myqcloud.com/centos.qcow2" },
            "unknown format" => valid with { Url = "https://b-1250000000.cos.ap-guangzhou.myqcloud.com/centos.exe" },
            "file over 50 GiB" => valid with { FileSizeGiB = 51 },
            "system disk over 500 GiB" => valid with { SystemDiskGiB = 501 },
            "unsupported os type" => valid with { OsType = "FreeBSD" },
            "unsupported windows release" => valid with { OsType = "Windows", OsVersion = "2019" },
            "arm64" => valid with { Architecture = Architecture.Arm64 },
            "invalid name" => valid with { Name = "" },
            _ => throw new ArgumentOutOfRangeException(nameof(refusedCase), refusedCase, "no such case"),
        };
    }
}
