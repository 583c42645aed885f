using System.Collections.Immutable;
using ImageRules.Domain;

namespace ImageRules.Samples.ImageShell;

/// <summary>
/// One line of the shell, parsed by <see cref="CommandParser"/>: a closed set of cases, one per command. Ids in a
/// command are already valid; a region of <see langword="null"/> means the shell's current region.
/// </summary>
public abstract record ShellCommand
{
    private ShellCommand()
    {
    }

    /// <summary>A blank line or a <c>#</c> comment: nothing to do.</summary>
    public sealed record Blank : ShellCommand;

    /// <summary><c>help</c>: list the commands.</summary>
    public sealed record Help : ShellCommand;

    /// <summary><c>exit</c>: leave the shell.</summary>
    public sealed record Quit : ShellCommand;

    /// <summary><c>whoami</c>: the current account and region.</summary>
    public sealed record WhoAmI : ShellCommand;

    /// <summary><c>accounts</c>: the accounts of this world.</summary>
    public sealed record ListAccounts : ShellCommand;

    /// <summary><c>regions</c>: the regions of this world.</summary>
    public sealed record ListRegions : ShellCommand;

    /// <summary><c>use account &lt;id&gt;</c>: act as another account, in its home region.</summary>
    public sealed record UseAccount(AccountId Account) : ShellCommand;

    /// <summary><c>use region &lt;region&gt;</c>: address another region.</summary>
    public sealed record UseRegion(RegionId Region) : ShellCommand;

    /// <summary><c>add account &lt;id&gt; &lt;region&gt; [collaborator]</c>: a new account of this world.</summary>
    public sealed record AddAccount(AccountId Account, RegionId HomeRegion, AccountKind Kind) : ShellCommand;

    /// <summary><c>images</c>: the images the current account can see, with optional filters.</summary>
    public sealed record ListImages(RegionId? Region, ImageKind? Kind, string? NameContains) : ShellCommand;

    /// <summary><c>quota</c>: the current account's custom-image quota in a region.</summary>
    public sealed record Quota(RegionId? Region) : ShellCommand;

    /// <summary><c>create &lt;name&gt;</c>: a custom image from one of the current account's instances.</summary>
    public sealed record Create(string Name, RegionId? Region, InstanceId? Instance) : ShellCommand;

    /// <summary><c>complete &lt;image&gt; [failed]</c>: the platform reports an image it was producing as finished.</summary>
    public sealed record Complete(ImageId Image, bool Succeeded) : ShellCommand;

    /// <summary><c>copy &lt;image&gt; to &lt;region&gt;</c>: copy into another region.</summary>
    public sealed record Copy(ImageId Image, RegionId Target, RegionId? Region) : ShellCommand;

    /// <summary><c>rename &lt;image&gt; &lt;name&gt;</c>.</summary>
    public sealed record Rename(ImageId Image, string Name, RegionId? Region) : ShellCommand;

    /// <summary><c>share &lt;image&gt; with &lt;account&gt; [...]</c>.</summary>
    public sealed record Share(ImageId Image, ImmutableArray<AccountId> Accounts, RegionId? Region) : ShellCommand;

    /// <summary><c>unshare &lt;image&gt; with &lt;account&gt; [...]</c>, or every grant with <c>unshare &lt;image&gt; all</c> (empty <paramref name="Accounts"/>).</summary>
    public sealed record Unshare(ImageId Image, ImmutableArray<AccountId> Accounts, RegionId? Region) : ShellCommand
    {
        /// <summary>True for <c>unshare &lt;image&gt; all</c>.</summary>
        public bool All => Accounts.IsEmpty;
    }

    /// <summary><c>delete &lt;image&gt;</c>.</summary>
    public sealed record Delete(ImageId Image, RegionId? Region) : ShellCommand;

    /// <summary><c>launch &lt;image&gt;</c>: may the current account launch an instance from it, and on what terms?</summary>
    public sealed record Launch(ImageId Image, RegionId? Region) : ShellCommand;
}
