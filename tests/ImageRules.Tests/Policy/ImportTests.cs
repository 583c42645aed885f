using System.Globalization;
using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using static ImageRules.Tests.Support.Sample;

namespace ImageRules.Tests.Policy;

/// <summary>Importing an image file (R18, with R10–R12 for the new image).</summary>
public class ImportTests
{
    private static readonly ImagePolicy Policy = Engine.Seed;

    /// <summary>The engine's decision on <paramref name="request"/> in its region, over Alice's <paramref name="catalogue"/> there.</summary>
    private static Result<ImageImported> Decide(ImportImage request, IEnumerable<Image>? catalogue = null) =>
        Policy.Decide(request, Engine.Facts(Engine.AccountOf(request.Caller), Engine.RegionOf(request.Region), catalogue: catalogue));

    private static ImportImage WithFile(string fileName, bool force = false) =>
        Import(Alice, Guangzhou) with { Url = $"https://images-1250000000.cos.ap-guangzhou.myqcloud.com/{fileName}", Force = force };

    [Fact]
    public void R10_imported_image_is_the_callers_and_starts_importing()
    {
        var image = Decide(Import(Alice, Guangzhou, name: "centos-base")).Value.Image;

        Assert.Equal(Engine.NewImageId, image.Id);
        Assert.Equal(Alice.Id, image.Owner);
        Assert.Equal(Guangzhou.Id, image.Region);
        Assert.Equal("centos-base", image.Name);
        Assert.Equal(ImageState.Importing, image.State);
        Assert.Equal(ImageSource.Imported, image.Source);
        Assert.Equal(new ImageOperatingSystem(OsFamily.Linux, OsPlatform.CentOS, "CentOS 7.9"), image.OperatingSystem);
        Assert.Equal(50, image.SizeGiB);
    }

    [Theory]
    [InlineData(true, ImageState.Normal)]
    [InlineData(false, ImageState.ImportFailed)]
    public void R10_an_import_becomes_normal_or_import_failed(bool succeeded, ImageState after)
    {
        var importing = Decide(Import(Alice, Guangzhou)).Value.Image;

        Assert.Equal(after, Policy.Complete(importing, succeeded, Now).Value.Image.State);
    }

    [Theory]
    [InlineData("disk.raw")]
    [InlineData("disk.vhd")]
    [InlineData("disk.qcow2")]
    [InlineData("disk.vmdk")]
    [InlineData("DISK.QCOW2")]
    public void R18_raw_vhd_qcow2_and_vmdk_files_are_imported(string fileName)
    {
        var imported = Decide(WithFile(fileName));

        Assert.True(imported.IsSuccess, imported.ToString());
    }

    [Fact]
    public void R18_an_iso_file_is_refused_unless_forced()
    {
        var request = WithFile("setup.iso");

        var refused = Decide(request);
        var forced = Decide(request with { Force = true });

        var failure = Refused.Because<IsoMustImportByForce>(refused.Failure, "InvalidParameterValue.ISOMustImportByForce", "setup.iso`");
        Assert.Equal(new IsoMustImportByForce(request.Url), failure);
        Assert.True(forced.IsSuccess, forced.ToString());
    }

    [Theory]
    [InlineData("disk.img")]
    [InlineData("disk.vdi")]
    [InlineData("disk.qcow2.zip")]
    [InlineData("disk")]
    public void R18_other_file_formats_are_refused(string fileName)
    {
        var request = WithFile(fileName);

        var refused = Decide(request);

        var failure = Refused.Because<ImportUrlInvalid>(refused.Failure, "InvalidParameter.InvalidParameterUrlError", fileName + "`");
        Assert.Equal(new ImportUrlInvalid(request.Url, ValueProblem.Unsupported), failure);
    }

    [Fact]
    public void R18_a_file_of_50_gib_is_imported()
    {
        var imported = Decide(Import(Alice, Guangzhou) with { FileSizeGiB = 50 });

        Assert.True(imported.IsSuccess, imported.ToString());
    }

    [Fact]
    public void R18_a_file_of_51_gib_is_too_large()
    {
        var refused = Decide(Import(Alice, Guangzhou) with { FileSizeGiB = 51 });

        var failure = Refused.Because<ParameterTooLarge>(refused.Failure, "InvalidParameterValue.TooLarge", "51");
        Assert.Equal(new ParameterTooLarge("FileSize", 51, ImagePolicy.MaxImportFileGiB), failure);
    }

    [Fact]
    public void R18_a_system_disk_of_500_gib_is_imported()
    {
        var imported = Decide(Import(Alice, Guangzhou) with { SystemDiskGiB = 500 });

        Assert.True(imported.IsSuccess, imported.ToString());
        Assert.Equal(500, imported.Value.Image.SizeGiB);
    }

    [Fact]
    public void R18_a_system_disk_of_501_gib_is_too_large()
    {
        var refused = Decide(Import(Alice, Guangzhou) with { SystemDiskGiB = 501 });

        var failure = Refused.Because<ParameterTooLarge>(refused.Failure, "InvalidParameterValue.TooLarge", "501");
        Assert.Equal(new ParameterTooLarge("SystemDiskSize", 501, ImagePolicy.MaxImportSystemDiskGiB), failure);
    }

    [Fact]
    public void R18_the_import_limits_are_50_gib_per_file_and_500_gib_per_system_disk()
    {
        Assert.Equal((50, 500), (ImagePolicy.MaxImportFileGiB, ImagePolicy.MaxImportSystemDiskGiB));
    }

    [Theory]
    [InlineData("CentOS")]
    [InlineData("Ubuntu")]
    [InlineData("Debian")]
    [InlineData("CoreOS")]
    [InlineData("openSUSE")]
    [InlineData("SUSE")]
    [InlineData("ubuntu")]
    public void R18_the_listed_linux_distributions_are_imported_without_advisory(string osType)
    {
        var imported = Decide(Import(Alice, Guangzhou, osType: osType, osVersion: "22.04")).Value;

        Assert.Equal(OsFamily.Linux, imported.Image.OperatingSystem.Family);
        Assert.Equal(osType, imported.Image.OperatingSystem.Platform, ignoreCase: true);
        Assert.Equal(Advisories.None, imported.Advisories);
    }

    [Theory]
    [InlineData("FreeBSD")]
    [InlineData("TencentOS")]
    [InlineData("Fedora")]
    [InlineData("")]
    public void R18_other_operating_systems_are_unsupported(string osType)
    {
        var refused = Decide(Import(Alice, Guangzhou, osType: osType));

        var failure = Refused.Because<OsTypeUnsupported>(refused.Failure, "InvalidImageOsType.Unsupported", $"`{osType}`");
        Assert.Equal(new OsTypeUnsupported(osType), failure);
    }

    [Theory]
    [InlineData("2008")]
    [InlineData("2012")]
    [InlineData("2016")]
    [InlineData("Windows Server 2012 R2 Datacenter")]
    public void R18_windows_server_2008_2012_and_2016_import_and_say_they_have_no_activation_service(string version)
    {
        var imported = Decide(Import(Alice, Guangzhou, osType: "Windows", osVersion: version)).Value;

        Assert.Equal(OsFamily.Windows, imported.Image.OperatingSystem.Family);
        Assert.Equal(Advisories.NoWindowsActivation, imported.Advisories);
    }

    [Theory]
    [InlineData("2019")]
    [InlineData("2022")]
    [InlineData("Windows 10")]
    [InlineData("20160")]
    [InlineData("")]
    public void R18_other_windows_versions_are_unsupported(string version)
    {
        var refused = Decide(Import(Alice, Guangzhou, osType: "Windows", osVersion: version));

        var failure = Refused.Because<OsVersionUnsupported>(refused.Failure, "InvalidImageOsVersion.Unsupported", $"`{version}`");
        Assert.Equal(new OsVersionUnsupported(OsPlatform.Windows, version), failure);
    }

    [Theory]
    [InlineData(Architecture.I386)]
    [InlineData(Architecture.X86_64)]
    public void R18_i386_and_x86_64_are_imported(Architecture architecture)
    {
        var imported = Decide(Import(Alice, Guangzhou) with { Architecture = architecture });

        Assert.Equal(architecture, imported.Value.Image.Architecture);
    }

    [Fact]
    public void R18_arm64_is_not_imported()
    {
        var refused = Decide(Import(Alice, Guangzhou) with { Architecture = Architecture.Arm64 });

        // RULES.md names no code for the architecture; the library answers the provider's generic InvalidParameterValue.
        var failure = Refused.Because<ParameterInvalid>(refused.Failure, "InvalidParameterValue", "`arm64`");
        Assert.Equal(new ParameterInvalid("Architecture", "arm64", ValueProblem.Unsupported), failure);
    }

    [Fact]
    public void R18_the_file_must_be_stored_in_the_same_region()
    {
        var fromShanghai = Import(Alice, Guangzhou) with { Url = "https://images-1250000000.cos.ap-shanghai.myqcloud.com/centos.qcow2" };

        var refused = Decide(fromShanghai);

        var failure = Refused.Because<ImportUrlInvalid>(refused.Failure, "InvalidParameter.InvalidParameterUrlError", "not stored in object storage of the target region");
        Assert.Equal(new ImportUrlInvalid(fromShanghai.Url, ValueProblem.NotInRegion), failure);
    }

    [Theory]
    [InlineData("centos.qcow2", ValueProblem.NotAUrl)]
    [InlineData("ftp://bucket-1250000000.cos.ap-guangzhou.myqcloud.com/c.qcow2", ValueProblem.NotAUrl)]
    [InlineData("https://example.com/centos.qcow2", ValueProblem.NotInRegion)]
    public void R18_a_url_that_is_not_an_object_storage_url_is_refused(string url, ValueProblem problem)
    {
        var refused = Decide(Import(Alice, Guangzhou) with { Url = url });

        var failure = Refused.Because<ImportUrlInvalid>(refused.Failure, "InvalidParameter.InvalidParameterUrlError", $"`{url}`");
        Assert.Equal(new ImportUrlInvalid(url, problem), failure);
    }

    [Fact]
    public void R18_a_region_without_import_refuses_it()
    {
        var refused = Decide(Import(Alice, Finance));

        var failure = Refused.Because<RegionUnavailable>(refused.Failure, "InvalidRegion.Unavailable", "`ap-shanghai-fsi`");
        Assert.Equal(new RegionUnavailable(Finance.Id, ImageOperation.Import, isImageRegion: false), failure);
    }

    [Fact]
    public void R11_an_import_needs_a_free_slot_of_the_quota()
    {
        var tenth = Decide(Import(Alice, Guangzhou), CustomImages(Alice, Guangzhou, 9));
        var eleventh = Decide(Import(Alice, Guangzhou), CustomImages(Alice, Guangzhou, 10));

        Assert.True(tenth.IsSuccess, tenth.ToString());
        Refused.Because<CustomImageQuotaExceeded>(eleventh.Failure, "ImageQuotaLimitExceeded", "10");
    }

    [Fact]
    public void R12_an_imported_image_follows_the_name_and_description_rules()
    {
        var duplicate = Decide(Import(Alice, Guangzhou, name: "image-1"), CustomImages(Alice, Guangzhou, 1));
        var longName = Decide(Import(Alice, Guangzhou, name: new string('n', 61)));
        var longDescription = Decide(Import(Alice, Guangzhou) with { Description = new string('d', 257) });

        Refused.Because<ImageNameDuplicate>(duplicate.Failure, "InvalidImageName.Duplicate", "`image-1`");
        Assert.Equal(new ParameterTooLarge("ImageName", 61, 60), Refused.Because<ParameterTooLarge>(longName.Failure, "InvalidParameterValue.TooLarge", "61"));
        Assert.Equal(new ParameterTooLarge("ImageDescription", 257, 256), Refused.Because<ParameterTooLarge>(longDescription.Failure, "InvalidParameterValue.TooLarge", "257"));
    }

    [Fact]
    public void R17_an_import_quotes_the_storage_of_its_system_disk()
    {
        var imported = Decide(Import(Alice, Guangzhou) with { SystemDiskGiB = 100 }).Value;

        Assert.Equal(new Money(5.00m, "USD"), imported.StorageQuotePerMonth);
    }

    [Theory]
    [InlineData(0, 50, "FileSize", 0)]
    [InlineData(-1, 50, "FileSize", -1)]
    [InlineData(10, 0, "SystemDiskSize", 0)]
    public void R18_an_image_file_or_system_disk_below_1_gib_is_invalid(int fileGiB, int diskGiB, string parameter, int value)
    {
        var refused = Decide(Import(Alice, Guangzhou) with { FileSizeGiB = fileGiB, SystemDiskGiB = diskGiB });

        var failure = Refused.Because<ParameterInvalid>(refused.Failure, "InvalidParameterValue", $"`{parameter}`");
        Assert.Equal(new ParameterInvalid(parameter, value.ToString(CultureInfo.InvariantCulture), ValueProblem.BelowMinimum), failure);
    }
}
