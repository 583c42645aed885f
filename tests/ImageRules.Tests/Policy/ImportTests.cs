using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Policy.Requests;
using static ImageRules.Tests.Support.Sample;

namespace ImageRules.Tests.Policy;

/// <summary>Importing an image file (R18, with R10–R12 for the new image).</summary>
public class ImportTests
{
    private static readonly ImagePolicy Policy = Engine.Seed;

    private static Result<ImageImported> Decide(ImportImageRequest request, Region? region = null) =>
        Policy.Import(request, Alice.Id, region ?? Guangzhou, [], Engine.NextImage);

    private static ImportImageRequest WithFile(string fileName, bool force = false) =>
        Import(Guangzhou) with { Url = $"https://images-1250000000.cos.ap-guangzhou.myqcloud.com/{fileName}", Force = force };

    [Fact]
    public void R10_imported_image_is_the_callers_and_starts_importing()
    {
        var image = Decide(Import(Guangzhou, name: "centos-base")).Value.Image;

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
        var importing = Decide(Import(Guangzhou)).Value.Image;

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
        var refused = Decide(WithFile("setup.iso"));
        var forced = Decide(WithFile("setup.iso", force: true));

        Refused.Because<IsoMustImportByForce>(refused.Failure, "InvalidParameterValue.ISOMustImportByForce", "setup.iso`");
        Assert.True(forced.IsSuccess, forced.ToString());
    }

    [Theory]
    [InlineData("disk.img")]
    [InlineData("disk.vdi")]
    [InlineData("disk.qcow2.zip")]
    [InlineData("disk")]
    public void R18_other_file_formats_are_refused(string fileName)
    {
        var refused = Decide(WithFile(fileName));

        Refused.Because<ImportFormatUnsupported>(refused.Failure, "InvalidParameter.InvalidParameterUrlError", fileName + "`");
    }

    [Fact]
    public void R18_a_file_of_50_gib_is_imported()
    {
        var imported = Decide(Import(Guangzhou) with { FileSizeGiB = 50 });

        Assert.True(imported.IsSuccess, imported.ToString());
    }

    [Fact]
    public void R18_a_file_of_51_gib_is_too_large()
    {
        var refused = Decide(Import(Guangzhou) with { FileSizeGiB = 51 });

        Refused.Because<ImportFileTooLarge>(refused.Failure, "InvalidParameterValue.TooLarge", "51 GiB");
    }

    [Fact]
    public void R18_a_system_disk_of_500_gib_is_imported()
    {
        var imported = Decide(Import(Guangzhou) with { SystemDiskGiB = 500 });

        Assert.True(imported.IsSuccess, imported.ToString());
        Assert.Equal(500, imported.Value.Image.SizeGiB);
    }

    [Fact]
    public void R18_a_system_disk_of_501_gib_is_too_large()
    {
        var refused = Decide(Import(Guangzhou) with { SystemDiskGiB = 501 });

        Refused.Because<SystemDiskTooLarge>(refused.Failure, "InvalidParameterValue.TooLarge", "501 GiB");
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
        var imported = Decide(Import(Guangzhou, osType: osType, osVersion: "22.04")).Value;

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
        var refused = Decide(Import(Guangzhou, osType: osType));

        Refused.Because<UnsupportedOsType>(refused.Failure, "InvalidImageOsType.Unsupported", $"`{osType}`");
    }

    [Theory]
    [InlineData("2008")]
    [InlineData("2012")]
    [InlineData("2016")]
    [InlineData("Windows Server 2012 R2 Datacenter")]
    public void R18_windows_server_2008_2012_and_2016_import_and_say_they_have_no_activation_service(string version)
    {
        var imported = Decide(Import(Guangzhou, osType: "Windows", osVersion: version)).Value;

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
        var refused = Decide(Import(Guangzhou, osType: "Windows", osVersion: version));

        Refused.Because<UnsupportedOsVersion>(refused.Failure, "InvalidImageOsVersion.Unsupported", $"`{version}`");
    }

    [Theory]
    [InlineData(Architecture.I386)]
    [InlineData(Architecture.X86_64)]
    public void R18_i386_and_x86_64_are_imported(Architecture architecture)
    {
        var imported = Decide(Import(Guangzhou) with { Architecture = architecture });

        Assert.Equal(architecture, imported.Value.Image.Architecture);
    }

    [Fact]
    public void R18_arm64_is_not_imported()
    {
        var refused = Decide(Import(Guangzhou) with { Architecture = Architecture.Arm64 });

        // RULES.md names no code for the architecture; the library answers the provider's generic InvalidParameterValue.
        Refused.Because<ImportArchitectureUnsupported>(refused.Failure, "InvalidParameterValue", "`arm64`");
    }

    [Fact]
    public void R18_the_file_must_be_stored_in_the_same_region()
    {
        var fromShanghai = Import(Guangzhou) with { Url = "https://images-1250000000.cos.ap-shanghai.myqcloud.com/centos.qcow2" };

        var refused = Decide(fromShanghai);

        Refused.Because<InvalidImportUrl>(refused.Failure, "InvalidParameter.InvalidParameterUrlError", "`ap-guangzhou`");
    }

    [Theory]
    [InlineData("centos.qcow2")]
    [InlineData("ftp://bucket-1250000000.cos.ap-guangzhou.myqcloud.com/c.qcow2")]
    [InlineData("https://example.com/centos.qcow2")]
    public void R18_a_url_that_is_not_an_object_storage_url_is_refused(string url)
    {
        var refused = Decide(Import(Guangzhou) with { Url = url });

        Refused.Because<InvalidImportUrl>(refused.Failure, "InvalidParameter.InvalidParameterUrlError", $"`{url}`");
    }

    [Fact]
    public void R18_a_region_without_import_refuses_it()
    {
        var refused = Decide(Import(Finance), Finance);

        Refused.Because<RegionUnavailable>(refused.Failure, "InvalidRegion.Unavailable", "`ap-shanghai-fsi`");
    }

    [Fact]
    public void R11_an_import_needs_a_free_slot_of_the_quota()
    {
        var tenth = Policy.Import(Import(Guangzhou), Alice.Id, Guangzhou, CustomImages(Alice, Guangzhou, 9), Engine.NextImage);
        var eleventh = Policy.Import(Import(Guangzhou), Alice.Id, Guangzhou, CustomImages(Alice, Guangzhou, 10), Engine.NextImage);

        Assert.True(tenth.IsSuccess, tenth.ToString());
        Refused.Because<CustomImageQuotaExceeded>(eleventh.Failure, "ImageQuotaLimitExceeded", "10");
    }

    [Fact]
    public void R12_an_imported_image_follows_the_name_and_description_rules()
    {
        var duplicate = Policy.Import(Import(Guangzhou, name: "image-1"), Alice.Id, Guangzhou, CustomImages(Alice, Guangzhou, 1), Engine.NextImage);
        var longName = Decide(Import(Guangzhou, name: new string('n', 61)));
        var longDescription = Decide(Import(Guangzhou) with { Description = new string('d', 257) });

        Refused.Because<DuplicateImageName>(duplicate.Failure, "InvalidImageName.Duplicate", "`image-1`");
        Refused.Because<ImageNameTooLong>(longName.Failure, "InvalidParameterValue.TooLarge", "61");
        Refused.Because<DescriptionTooLong>(longDescription.Failure, "InvalidParameterValue.TooLarge", "257");
    }

    [Fact]
    public void R17_an_import_quotes_the_storage_of_its_system_disk()
    {
        var imported = Decide(Import(Guangzhou) with { SystemDiskGiB = 100 }).Value;

        Assert.Equal(new Money(5.00m, "USD"), imported.StorageQuotePerMonth);
    }

    [Theory]
    [InlineData(0, 50)]
    [InlineData(-1, 50)]
    [InlineData(10, 0)]
    public void R18_an_image_file_or_system_disk_below_1_gib_is_invalid(int fileGiB, int diskGiB)
    {
        var refused = Decide(Import(Guangzhou) with { FileSizeGiB = fileGiB, SystemDiskGiB = diskGiB });

        Refused.Because<DiskSizeInvalid>(refused.Failure, "InvalidParameterValue", "GiB");
    }
}
