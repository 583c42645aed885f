using System.Collections.Immutable;
using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Hosting;
using ImageRules.Policy;
using Microsoft.Extensions.DependencyInjection;
using OneOf;

namespace ImageRules.Samples.ImageShell;

/// <summary>
/// An interactive shell over an in-memory world (the provider's regions and public images, and the demo accounts):
/// reads commands line by line, runs each against <see cref="ImageService"/> as the current account, and prints the
/// outcome; every refusal with the provider's error code and its message.
/// </summary>
/// <remarks>
/// Interactive, it shows a prompt and goes on after any error. Scripted (input not from a person), it echoes each line
/// after the prompt, so the output reads as a transcript, and stops at the first bad line (<see cref="BadInput"/>) or
/// refused command (<see cref="Refused"/>), like a shell script under <c>set -e</c>. Not thread-safe: one reader.
/// </remarks>
public sealed partial class Shell : IAsyncDisposable
{
    /// <summary>The exit code when every line ran, or <c>exit</c> was typed.</summary>
    public const int Success = 0;

    /// <summary>The exit code of a script stopped by a command the rules refused.</summary>
    public const int Refused = 1;

    /// <summary>The exit code of a script stopped by a line the shell could not read, or a malformed id in it.</summary>
    public const int BadInput = 2;

    private readonly ServiceProvider services;
    private readonly ImageService images;
    private readonly TextWriter output;
    private readonly bool interactive;
    private readonly List<Account> accounts = [.. DemoWorld.Accounts];
    private readonly ImmutableArray<Region> regions = ProviderCatalogue.Default.Regions;
    private Account current = DemoWorld.Accounts[0];
    private RegionId region = DemoWorld.Accounts[0].HomeRegion;

    private Shell(ServiceProvider services, TextWriter output, bool interactive)
    {
        this.services = services;
        images = services.GetRequiredService<ImageService>();
        this.output = output;
        this.interactive = interactive;
    }

    /// <summary>The prompt: the current account and the region it addresses.</summary>
    public string Prompt => $"{current.Id}@{region}> ";

    /// <summary>
    /// Starts a shell in a freshly seeded world, acting as the first demo account in its home region. New images are
    /// numbered from <c>img-00000001</c> (<see cref="SequentialImageIds"/>), so scripts can name them.
    /// </summary>
    /// <param name="output">Where the shell writes.</param>
    /// <param name="interactive">True when a person types; false for a script (see the remarks on <see cref="Shell"/>).</param>
    /// <param name="cancellationToken">Cancels seeding.</param>
    public static async Task<Shell> StartAsync(TextWriter output, bool interactive, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        // A host's registration wins over the library's default, so new images are numbered rather than random; the
        // numbering hears which images were saved (see SequentialImageIds).
        var registrations = new ServiceCollection()
            .AddSingleton<SequentialImageIds>()
            .AddSingleton<IImageIdGenerator>(sp => sp.GetRequiredService<SequentialImageIds>())
            .AddSingleton<IImageEventObserver>(sp => sp.GetRequiredService<SequentialImageIds>());
        registrations.AddImageRules();
        var services = registrations.BuildServiceProvider();
        var shell = new Shell(services, output, interactive);
        await DemoWorld.SeedAsync(shell.images, cancellationToken);
        return shell;
    }

    /// <summary>Reads and runs commands until the input ends, <c>exit</c>, or (for a script) the first error.</summary>
    /// <returns><see cref="Success"/>, <see cref="Refused"/> or <see cref="BadInput"/>.</returns>
    public async Task<int> RunAsync(TextReader input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (interactive)
        {
            await output.WriteLineAsync("ImageShell: an in-memory image service. Type `help` for the commands, `exit` to leave.");
        }

        while (true)
        {
            if (interactive)
            {
                await output.WriteAsync(Prompt);
            }

            var line = await input.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                return Success;
            }

            var parsed = CommandParser.Parse(line);
            if (!interactive)
            {
                // A script's output reads as a transcript: commands after the prompt, comments and blank lines as they are.
                var isBlank = parsed.TryPickT0(out var command, out _) && command is ShellCommand.Blank;
                await output.WriteLineAsync(isBlank ? line : Prompt + line);
            }

            var exitCode = await StepAsync(parsed, cancellationToken);
            if (exitCode is { } code && (code == Success || !interactive))
            {
                return code;
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => services.DisposeAsync();

    /// <summary>Runs one parsed line; the exit code it calls for (<c>exit</c>, or any error), or null to read on.</summary>
    private async Task<int?> StepAsync(OneOf<ShellCommand, UsageError, Failure> parsed, CancellationToken cancellationToken)
    {
        if (parsed.TryPickT1(out var usage, out var rest))
        {
            await output.WriteLineAsync($"error: {usage.Message}");
            return BadInput;
        }

        if (rest.TryPickT1(out var malformed, out var command))
        {
            await output.WriteLineAsync($"error: {malformed}");
            return BadInput;
        }

        if (command is ShellCommand.Quit)
        {
            return Success;
        }

        return await ExecuteAsync(command, cancellationToken) ? null : Refused;
    }

    /// <summary>Prints a refusal as <c>refused: Code: message</c>; false, so a command can return it.</summary>
    private bool Refuse(Failure failure)
    {
        output.WriteLine($"refused: {failure}");
        return false;
    }

    /// <summary>Prints the outcome: what was done, or the refusal. True when allowed.</summary>
    private bool Report<T>(Result<T> result, Func<T, string> tell)
    {
        if (!result.TryGetValue(out var value, out var failure))
        {
            return Refuse(failure);
        }

        output.WriteLine(tell(value));
        return true;
    }
}
