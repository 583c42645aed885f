using ImageRules.Samples.ImageShell;

namespace ImageRules.Samples.Tests;

/// <summary>The shell run as a script (its input not a person) and interactively, over its own fresh world each time.</summary>
public sealed class ImageShellScriptTests
{
    [Fact]
    public async Task R3_R14_R20_R26_the_demo_script_runs_to_the_end_and_exits_zero()
    {
        var script = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "demo.imgsh"));

        var (exitCode, output) = await RunAsync(script);

        Assert.True(exitCode == Shell.Success, output);
        Assert.Contains("allowed: a public image; licence fee 0.04 USD per hour", output);
        Assert.Contains("copied img-00000001 to ap-shanghai as img-00000002: Syncing, charge 0 USD", output);
        Assert.Contains("advisory: the platform does not check shared images", output);
        Assert.Contains("0 of 10 custom images used in ap-guangzhou", output);
    }

    [Fact]
    public async Task R11_a_script_stops_at_the_refused_eleventh_image_with_exit_code_1()
    {
        var script = string.Join('\n', Enumerable.Range(1, 11).Select(i => $"create image-{i}")) + "\nwhoami\n";

        var (exitCode, output) = await RunAsync(script);

        Assert.Equal(Shell.Refused, exitCode);
        Assert.Contains("created img-00000010 \"image-10\"", output);
        Assert.EndsWith("refused: ImageQuotaLimitExceeded: account `1038493875` already has 10 custom images in region `ap-guangzhou`, the limit\n", output);
    }

    [Fact]
    public async Task R7_a_script_stops_at_a_malformed_id_with_exit_code_2()
    {
        var (exitCode, output) = await RunAsync("whoami\nlaunch img-BAD\nwhoami\n");

        Assert.Equal(Shell.BadInput, exitCode);
        Assert.EndsWith("error: InvalidImageId.Malformed: image id `img-BAD` is malformed: expected `img-` and 8 lowercase letters or digits\n", output);
    }

    [Fact]
    public async Task R7_a_script_stops_at_an_unknown_command_with_exit_code_2()
    {
        var (exitCode, output) = await RunAsync("# a comment\n\nlist images\nwhoami\n");

        Assert.Equal(Shell.BadInput, exitCode);
        Assert.EndsWith("error: unknown command `list`: type `help` for the list\n", output);
    }

    [Fact]
    public async Task R23_R22_a_script_refuses_sharing_with_a_collaborator_and_across_regions()
    {
        const string Setup = "create web\ncomplete img-00000001\n";

        var (collaboratorExit, toCollaborator) = await RunAsync(Setup + "share img-00000001 with 3000000001\n");
        var (foreignExit, toSingapore) = await RunAsync(Setup + "share img-00000001 with 4000000001\n");

        Assert.Equal((Shell.Refused, Shell.Refused), (collaboratorExit, foreignExit));
        Assert.Contains("refused: FailedOperation.NotMasterAccount: account `3000000001` is not a root account", toCollaborator);
        Assert.Contains("refused: UnsupportedOperation.Region: account `4000000001` belongs to region `ap-singapore`", toSingapore);
    }

    [Fact]
    public async Task R25_an_interactive_session_goes_on_after_a_refusal_and_exit_leaves_with_zero()
    {
        const string Typed = """
            create web
            complete img-00000001
            share img-00000001 with 2000000001
            use account 2000000001
            rename img-00000001 mine
            launch img-00000001
            exit
            whoami
            """;

        var (exitCode, output) = await RunAsync(Typed, interactive: true);

        Assert.Equal(Shell.Success, exitCode);
        Assert.Contains("refused: UnsupportedOperation.SharedImageModifyUnsupported: image `img-00000001` is shared with the caller, who cannot rename or re-describe it", output);
        Assert.Contains("2000000001@ap-guangzhou> allowed: shared with you by 1038493875", output);
        Assert.EndsWith("trust\n2000000001@ap-guangzhou> ", output);
    }

    [Fact]
    public async Task R11_R12_refused_creates_and_quota_reads_use_up_no_image_number()
    {
        const string Typed = """
            create web
            create web
            quota
            create db
            """;

        var (exitCode, output) = await RunAsync(Typed, interactive: true);

        Assert.Equal(Shell.Success, exitCode);
        Assert.Contains("refused: InvalidImageName.Duplicate", output);
        Assert.Contains("created img-00000002 \"db\"", output);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string script, bool interactive = false)
    {
        using var output = new StringWriter { NewLine = "\n" };
        await using var shell = await Shell.StartAsync(output, interactive);
        var exitCode = await shell.RunAsync(new StringReader(script));
        return (exitCode, output.ToString());
    }
}
