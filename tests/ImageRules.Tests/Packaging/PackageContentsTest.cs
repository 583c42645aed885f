using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;

namespace ImageRules.Tests.Packaging;

/// <summary>
/// Packs the library as a release would and reads the package back: what a user downloads must hold the README, the
/// XML docs, symbols, the licence expression and exactly the library's own dependencies.
/// </summary>
public sealed class PackageContentsTest : IClassFixture<PackageContentsTest.PackedLibrary>
{
    private readonly PackedLibrary packed;

    public PackageContentsTest(PackedLibrary packed) => this.packed = packed;

    [Fact]
    public void Package_holds_the_library_its_xml_docs_and_the_readme()
    {
        using var package = ZipFile.OpenRead(packed.Package);
        var entries = package.Entries.Select(e => e.FullName).ToHashSet();

        Assert.Contains("lib/net10.0/ImageRules.dll", entries);
        Assert.Contains("lib/net10.0/ImageRules.xml", entries);
        Assert.Contains("README.md", entries);
        Assert.True(File.Exists(Path.ChangeExtension(packed.Package, ".snupkg")), "no symbol package was made");
    }

    [Fact]
    public void Package_depends_only_on_what_the_library_needs()
    {
        var metadata = packed.Nuspec();
        var dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string)e.Attribute("id")!).Order().ToArray();

        // Options (IOptions, bound from configuration, validated on start) and logging are deliberate since 0.2, and so is
        // hosting (the relay that delivers saved events again is a hosted service).
        Assert.Equal(
            [
                "Ardalis.GuardClauses",
                "Microsoft.Extensions.DependencyInjection.Abstractions",
                "Microsoft.Extensions.Hosting.Abstractions",
                "Microsoft.Extensions.Logging.Abstractions",
                "Microsoft.Extensions.Options",
                "Microsoft.Extensions.Options.ConfigurationExtensions",
                "OneOf",
            ],
            dependencies);
    }

    [Fact]
    public void Package_metadata_names_licence_readme_tags_and_release_notes()
    {
        var metadata = packed.Nuspec();
        string Field(string name) => metadata.Descendants().Single(e => e.Name.LocalName == name).Value;

        Assert.Equal("MIT", Field("license"));
        Assert.Equal("README.md", Field("readme"));
        Assert.Contains("policy", Field("tags"), StringComparison.Ordinal);
        Assert.Contains("CHANGELOG", Field("releaseNotes"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(Field("description")));
    }

    /// <summary>Runs <c>dotnet pack</c> once for the class, into a temporary folder.</summary>
    public sealed class PackedLibrary : IDisposable
    {
        private readonly string output = Directory.CreateTempSubdirectory("imagerules-pack-").FullName;

        public PackedLibrary()
        {
            var root = RepositoryRoot();
            var pack = Process.Start(new ProcessStartInfo("dotnet", ["pack", Path.Combine(root, "src", "ImageRules", "ImageRules.csproj"), "-c", "Release", "-o", output, "--nologo"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var log = pack.StandardOutput.ReadToEnd() + pack.StandardError.ReadToEnd();
            pack.WaitForExit();
            Assert.True(pack.ExitCode == 0, $"dotnet pack failed:\n{log}");
            Package = Directory.GetFiles(output, "ImageRules.*.nupkg").Single();
        }

        public string Package { get; }

        public XElement Nuspec()
        {
            using var package = ZipFile.OpenRead(Package);
            using var nuspec = package.GetEntry("ImageRules.nuspec")!.Open();
            return XElement.Load(nuspec);
        }

        public void Dispose() => Directory.Delete(output, recursive: true);

        private static string RepositoryRoot()
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ImageRules.sln")))
            {
                folder = folder.Parent;
            }

            return folder?.FullName ?? throw new InvalidOperationException("ImageRules.sln not found above the test folder");
        }
    }
}
