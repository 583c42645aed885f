using ImageRules.Domain;
using Requests = ImageRules.Policy;

namespace ImageRules.Tests.Properties;

/// <summary>An account imports an image file (R18, then R11 and R12).</summary>
/// <param name="Caller">The account.</param>
/// <param name="Region">The region to import into.</param>
/// <param name="Name">The new image's name.</param>
/// <param name="Source">The file.</param>
/// <param name="System">The operating system it holds.</param>
public sealed record ImportImage(AccountId Caller, RegionId Region, string Name, ImportSource Source, ImportSystem System) : Operation
{
    /// <summary>The system disk of every importable file, in GiB.</summary>
    public const int SystemDiskGiB = 50;

    /// <inheritdoc/>
    public override Outcome RunOn(ServiceUnderTest service, Bindings bindings)
    {
        ArgumentNullException.ThrowIfNull(service);
        return Outcome.Of(
            ServiceUnderTest.Sync(service.Service.ImportImageAsync(Request())),
            i => Outcome.Made(i.Image.Id, i.Image.Owner, i.Image.Region, i.Image.State, i.Advisories));
    }

    /// <inheritdoc/>
    public override Outcome RunOn(ReferenceModel model, Bindings bindings)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Import(Caller, Region, Name, Source, System);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Caller} imports {Readable.Text(Name)} into {Region} from {Source}, {System}";

    private Requests.ImportImage Request()
    {
        var bucketRegion = Source == ImportSource.BucketInAnotherRegion ? "ap-elsewhere" : Region.Value;
        var file = Source switch
        {
            ImportSource.Vmdk => "disk.vmdk",
            ImportSource.IsoForced or ImportSource.IsoNotForced => "disk.iso",
            ImportSource.ExeFile => "disk.exe",
            _ => "disk.qcow2",
        };
        var (osType, osVersion, architecture) = System switch
        {
            ImportSystem.Ubuntu2204On32Bit => ("Ubuntu", "22.04", Architecture.I386),
            ImportSystem.WindowsServer2016 => ("Windows", "Windows Server 2016 Datacenter", Architecture.X86_64),
            ImportSystem.WindowsServer2003 => ("Windows", "2003", Architecture.X86_64),
            ImportSystem.FreeBsd => ("FreeBSD", "13.2", Architecture.X86_64),
            ImportSystem.DebianOnArm64 => ("Debian", "12", Architecture.Arm64),
            _ => ("CentOS", "7.9", Architecture.X86_64),
        };
        return new Requests.ImportImage(
            Caller,
            Region,
            $"https://images-1250000000.cos.{bucketRegion}.myqcloud.com/{file}",
            Name,
            osType,
            osVersion,
            architecture,
            FileSizeGiB: Source == ImportSource.FileOver50GiB ? 51 : 10,
            SystemDiskGiB: Source == ImportSource.DiskOver500GiB ? 501 : SystemDiskGiB,
            Force: Source == ImportSource.IsoForced);
    }
}
