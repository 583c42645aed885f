using System.Diagnostics;

namespace ImageRules.Samples.Tests;

/// <summary>
/// The README's Quickstart is the compiled <c>samples/ReadmeQuickstart/Program.cs</c>, line for line, and running it
/// prints what its comments promise.
/// </summary>
public sealed class ReadmeQuickstartTests
{
    private const string BeginMarker = "// <readme-quickstart>";
    private const string EndMarker = "// </readme-quickstart>";

    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Readme");

    [Fact]
    public void The_first_csharp_block_under_Quickstart_in_the_README_is_the_compiled_quickstart()
    {
        var readme = File.ReadAllLines(Path.Combine(Folder, "README.md"));
        var compiled = File.ReadAllLines(Path.Combine(Folder, "ReadmeQuickstart.cs"));

        var inReadme = Trimmed(FirstCsharpBlockUnder(readme, "## Quickstart"));
        var inSample = Trimmed(Between(compiled, BeginMarker, EndMarker));

        Assert.NotEmpty(inSample);
        Assert.Equal(string.Join('\n', inSample), string.Join('\n', inReadme));
    }

    [Fact]
    public void The_README_quickstart_is_short_and_never_reads_a_result_value_unchecked()
    {
        var code = Trimmed(Between(File.ReadAllLines(Path.Combine(Folder, "ReadmeQuickstart.cs")), BeginMarker, EndMarker));

        var usings = code.Count(line => line.StartsWith("using ", StringComparison.Ordinal));
        var statements = code.Count(line => line.Length > 0 && !line.StartsWith("using ", StringComparison.Ordinal) && !line.TrimStart().StartsWith("//", StringComparison.Ordinal));
        Assert.InRange(usings, 1, 3);
        Assert.InRange(statements, 1, 12);
        Assert.DoesNotContain(code, line => line.Contains(".Value", StringComparison.Ordinal));
    }

    [Fact]
    public async Task R20_R25_R26_running_the_README_quickstart_prints_the_permit_and_the_refusal()
    {
        var (exitCode, output, errors) = await RunAsync(Path.Combine(AppContext.BaseDirectory, "ReadmeQuickstart.dll"));

        Assert.True(exitCode == 0, errors);
        Assert.Equal(["allowed: ShareGrant, UntrustedSource", "UnsupportedOperation.SharedImageModifyUnsupported"], output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
    }

    /// <summary>The lines of the first <c>```csharp</c> block after the heading <paramref name="heading"/>, before the next heading.</summary>
    private static IEnumerable<string> FirstCsharpBlockUnder(string[] markdown, string heading)
    {
        var section = markdown.SkipWhile(line => line.TrimEnd() != heading).Skip(1).TakeWhile(line => !line.StartsWith("## ", StringComparison.Ordinal));
        return section.SkipWhile(line => line.TrimEnd() != "```csharp").Skip(1).TakeWhile(line => line.TrimEnd() != "```");
    }

    private static IEnumerable<string> Between(string[] lines, string begin, string end) =>
        lines.SkipWhile(line => line.Trim() != begin).Skip(1).TakeWhile(line => line.Trim() != end);

    /// <summary>The lines without trailing white space, and without blank lines at either end.</summary>
    private static List<string> Trimmed(IEnumerable<string> lines)
    {
        var trimmed = lines.Select(line => line.TrimEnd()).SkipWhile(line => line.Length == 0).ToList();
        while (trimmed.Count > 0 && trimmed[^1].Length == 0)
        {
            trimmed.RemoveAt(trimmed.Count - 1);
        }

        return trimmed;
    }

    /// <summary>Runs a built console app with the same <c>dotnet</c> host as this test.</summary>
    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string assembly)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } given ? given
            : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
            : "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(assembly);
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}
