using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using ImageRules.Domain;
using ImageRules.Policy;
using OneOf;

namespace ImageRules.Samples.ImageShell;

/// <summary>
/// Reads one line of the shell into a <see cref="ShellCommand"/>, or says why it cannot: a <see cref="UsageError"/>
/// for the shell's own grammar, or the library's <see cref="Failure"/> for a malformed id (R7), since every id goes
/// through the library's provider-coded reader (<see cref="Ids"/>).
/// </summary>
/// <remarks>
/// Words are separated by spaces; a word with spaces goes in double quotes (<c>create "web server"</c>). Options
/// (<c>--region ap-shanghai</c>) may stand anywhere after the command. A blank line or one starting with <c>#</c> is
/// <see cref="ShellCommand.Blank"/>, so scripts may carry comments. Stateless and thread-safe.
/// </remarks>
public static class CommandParser
{
    private static readonly ImmutableArray<Grammar> Grammars =
    [
        new("help", "help", "list the commands", 0, 0, [], _ => new ShellCommand.Help()),
        new("whoami", "whoami", "show the current account and region", 0, 0, [], _ => new ShellCommand.WhoAmI()),
        new("accounts", "accounts", "list the accounts of this world", 0, 0, [], _ => new ShellCommand.ListAccounts()),
        new("use account", "use account <id>", "act as another account, in its home region", 1, 1, [], a => new ShellCommand.UseAccount(a.Account(0))),
        new("use region", "use region <region>", "address another region", 1, 1, [], a => new ShellCommand.UseRegion(a.Region(0))),
        new("add account", "add account <id> <region> [collaborator]", "add a root (or collaborator) account to this world", 2, 3, [], a => new ShellCommand.AddAccount(a.Account(0), a.Region(1), a.AccountKind(2))),
        new("regions", "regions", "list the regions", 0, 0, [], _ => new ShellCommand.ListRegions()),
        new("images", "images [--region r] [--kind public|custom|shared] [--name text]", "list the images you can see", 0, 0, ["region", "kind", "name"], a => new ShellCommand.ListImages(a.RegionOption(), a.KindOption(), a.Option("name"))),
        new("quota", "quota [--region r]", "show your custom-image quota", 0, 0, ["region"], a => new ShellCommand.Quota(a.RegionOption())),
        new("create", "create <name> [--region r] [--instance ins-xxxxxxxx]", "make a custom image of one of your instances", 1, 1, ["region", "instance"], a => new ShellCommand.Create(a.Word(0), a.RegionOption(), a.InstanceOption())),
        new("complete", "complete <image> [failed]", "as the platform: finish an image being created or copied", 1, 2, [], a => new ShellCommand.Complete(a.Image(0), a.Succeeded(1))),
        new("copy", "copy <image> to <region> [--region r]", "copy an image into another region", 3, 3, ["region"], a => new ShellCommand.Copy(a.Image(0), a.Keyword(1, "to").Region(2), a.RegionOption())),
        new("rename", "rename <image> <name> [--region r]", "rename one of your images", 2, 2, ["region"], a => new ShellCommand.Rename(a.Image(0), a.Word(1), a.RegionOption())),
        new("share", "share <image> with <account> [<account> ...] [--region r]", "share one of your images", 3, int.MaxValue, ["region"], a => new ShellCommand.Share(a.Image(0), a.Keyword(1, "with").Accounts(2), a.RegionOption())),
        new("unshare", "unshare <image> with <account> [...] | unshare <image> all", "cancel sharing with some accounts, or all", 2, int.MaxValue, ["region"], a => new ShellCommand.Unshare(a.Image(0), a.All(1) ? [] : a.Keyword(1, "with").Accounts(2), a.RegionOption())),
        new("delete", "delete <image> [--region r]", "delete one of your images", 1, 1, ["region"], a => new ShellCommand.Delete(a.Image(0), a.RegionOption())),
        new("launch", "launch <image> [--region r]", "may you launch an instance from it, and on what terms?", 1, 1, ["region"], a => new ShellCommand.Launch(a.Image(0), a.RegionOption())),
        new("exit", "exit", "leave the shell", 0, 0, [], _ => new ShellCommand.Quit()),
    ];

    private static readonly FrozenDictionary<string, Grammar> ByVerb = Grammars.ToFrozenDictionary(g => g.Verb, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every command's syntax and what it does, in the order <c>help</c> lists them.</summary>
    public static IEnumerable<(string Syntax, string Summary)> Commands => Grammars.Select(g => (g.Syntax, g.Summary));

    /// <summary>Parses one line.</summary>
    public static OneOf<ShellCommand, UsageError, Failure> Parse(string? line)
    {
        if (!Split(line ?? string.Empty).TryPickT0(out var words, out var unreadable))
        {
            return unreadable;
        }

        if (words.Count == 0 || words[0].StartsWith('#'))
        {
            return new ShellCommand.Blank();
        }

        var verbWords = words.Count > 1 && ByVerb.ContainsKey($"{words[0]} {words[1]}") ? 2 : 1;
        if (!ByVerb.TryGetValue(string.Join(' ', words.Take(verbWords)), out var grammar))
        {
            // `use` and `add` are only the first word of their commands: show the commands they begin.
            var begun = Grammars.Where(g => g.Verb.StartsWith(words[0] + " ", StringComparison.OrdinalIgnoreCase)).Select(g => g.Syntax).ToList();
            return new UsageError(begun.Count > 0 ? $"usage: {string.Join(" | ", begun)}" : $"unknown command `{words[0]}`: type `help` for the list");
        }

        var arguments = new Arguments(grammar, words.Skip(verbWords));
        if (arguments.Error is { } unusable)
        {
            return unusable;
        }

        var command = grammar.Build(arguments);
        return arguments.Error ?? command;
    }

    /// <summary>Splits a line into words at spaces and tabs, keeping double-quoted text together.</summary>
    private static OneOf<List<string>, UsageError> Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var (quoted, inWord) = (false, false);
        foreach (var c in line)
        {
            if (c == '"')
            {
                (quoted, inWord) = (!quoted, true);
            }
            else if (!quoted && char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    (word, inWord) = (new StringBuilder(), false);
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (quoted)
        {
            return new UsageError("a double quote is not closed");
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    /// <summary>One command's syntax: its verb, how many words follow it, its options, and how to build it.</summary>
    private sealed record Grammar(string Verb, string Syntax, string Summary, int MinWords, int MaxWords, string[] Options, Func<Arguments, ShellCommand> Build);

    /// <summary>
    /// The words and options after a verb. Each accessor parses one of them; the first problem is kept in
    /// <see cref="Error"/> and the accessor returns a placeholder, so a command reads as one expression and is thrown
    /// away when anything was wrong.
    /// </summary>
    private sealed class Arguments
    {
        private readonly Grammar grammar;
        private readonly List<string> words = [];
        private readonly Dictionary<string, string> options = new(StringComparer.OrdinalIgnoreCase);

        public Arguments(Grammar grammar, IEnumerable<string> after)
        {
            this.grammar = grammar;
            using var next = after.GetEnumerator();
            while (next.MoveNext())
            {
                if (!next.Current.StartsWith("--", StringComparison.Ordinal))
                {
                    words.Add(next.Current);
                }
                else if (!grammar.Options.Contains(next.Current[2..], StringComparer.OrdinalIgnoreCase))
                {
                    Fail($"unknown option `{next.Current}`");
                }
                else
                {
                    var name = next.Current[2..];
                    options[name] = next.MoveNext() ? next.Current : Fail<string>($"option `--{name}` needs a value");
                }
            }

            if (words.Count < grammar.MinWords || words.Count > grammar.MaxWords)
            {
                Fail(words.Count < grammar.MinWords ? "missing words" : $"unexpected `{words[grammar.MaxWords]}`");
            }
        }

        public OneOf<ShellCommand, UsageError, Failure>? Error { get; private set; }

        public string Word(int index) => Optional(index) ?? Fail<string>("missing words");

        public string? Optional(int index) => index < words.Count ? words[index] : null;

        public ImageId Image(int index) => Parsed(Ids.Image(Word(index)));

        public AccountId Account(int index) => Parsed(Ids.Account(Word(index)));

        public ImmutableArray<AccountId> Accounts(int from) => [.. words.Skip(from).Select(word => Parsed(Ids.Account(word)))];

        public RegionId Region(int index) => Parsed(Ids.Region(Word(index)));

        public RegionId? RegionOption() => Option("region") is { } region ? Parsed(Ids.Region(region)) : null;

        public InstanceId? InstanceOption() => Option("instance") is { } instance ? Parsed(Ids.Instance(instance)) : null;

        public string? Option(string name) => options.GetValueOrDefault(name);

        public ImageKind? KindOption() => Option("kind")?.ToUpperInvariant() switch
        {
            null => null,
            "PUBLIC" => ImageKind.Public,
            "CUSTOM" => ImageKind.Custom,
            "SHARED" => ImageKind.Shared,
            _ => Fail<ImageKind>($"kind `{Option("kind")}` is not public, custom or shared"),
        };

        public AccountKind AccountKind(int index) => Optional(index)?.ToUpperInvariant() switch
        {
            null or "ROOT" => Domain.AccountKind.Root,
            "COLLABORATOR" => Domain.AccountKind.Collaborator,
            _ => Fail<AccountKind>($"`{words[index]}` is not root or collaborator"),
        };

        public bool Succeeded(int index) => Optional(index)?.ToUpperInvariant() switch
        {
            null => true,
            "FAILED" => false,
            _ => Fail<bool>($"expected `failed`, not `{words[index]}`"),
        };

        /// <summary>True when the word at <paramref name="index"/> is <c>all</c> and nothing follows it.</summary>
        public bool All(int index) => words.Count == index + 1 && string.Equals(words[index], "all", StringComparison.OrdinalIgnoreCase);

        /// <summary>Requires <paramref name="keyword"/> at <paramref name="index"/>; returns these arguments to read on.</summary>
        public Arguments Keyword(int index, string keyword)
        {
            if (!string.Equals(Word(index), keyword, StringComparison.OrdinalIgnoreCase))
            {
                Fail($"expected `{keyword}`");
            }

            return this;
        }

        private T Parsed<T>(Result<T> result)
        {
            if (result.TryGetValue(out var value, out var failure))
            {
                return value;
            }

            Error ??= failure;
            return default!;
        }

        private void Fail(string problem) => Error ??= new UsageError($"{problem}; usage: {grammar.Syntax}");

        private T Fail<T>(string problem)
        {
            Fail(problem);
            return default!;
        }
    }
}
