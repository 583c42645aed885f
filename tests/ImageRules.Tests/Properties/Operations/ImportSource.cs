namespace ImageRules.Tests.Properties;

/// <summary>The file an <see cref="ImportImage"/> names: a valid one, or one with exactly one fault of R18.</summary>
public enum ImportSource
{
    /// <summary>A QCOW2 file of 10 GiB in the target region's object storage.</summary>
    Qcow2,

    /// <summary>A VMDK file of 10 GiB in the target region's object storage.</summary>
    Vmdk,

    /// <summary>An ISO file, imported with force.</summary>
    IsoForced,

    /// <summary>An ISO file without force: <c>InvalidParameterValue.ISOMustImportByForce</c>.</summary>
    IsoNotForced,

    /// <summary>A file of an unsupported format.</summary>
    ExeFile,

    /// <summary>A QCOW2 file in another region's object storage.</summary>
    BucketInAnotherRegion,

    /// <summary>A QCOW2 file of 51 GiB.</summary>
    FileOver50GiB,

    /// <summary>A QCOW2 file with a system disk of 501 GiB.</summary>
    DiskOver500GiB,
}
