using System.Globalization;
using ImageRules.Domain;

namespace ImageRules.Tests.Properties;

/// <summary>
/// One run of a <see cref="Script"/> on a fresh <see cref="ServiceUnderTest"/>: plays the steps one at a time, a
/// minute apart on the fake clock, and keeps a trace of what each answered for the failure message.
/// </summary>
public sealed class ScriptRun
{
    private readonly List<string> trace = [];

    /// <summary>Starts a run of <paramref name="script"/>.</summary>
    public ScriptRun(Script script)
    {
        ArgumentNullException.ThrowIfNull(script);
        Script = script;
        Service = ServiceUnderTest.Start(script.World, script.Profile);
        Bindings = new Bindings(script.World);
    }

    /// <summary>The script.</summary>
    public Script Script { get; }

    /// <summary>The service it runs on.</summary>
    public ServiceUnderTest Service { get; }

    /// <summary>The run's ids for the script's names.</summary>
    public Bindings Bindings { get; }

    /// <summary>The service's current time.</summary>
    public DateTimeOffset Now => Service.Clock.GetUtcNow();

    /// <summary>Every image id the run knows, made or not, deleted or not.</summary>
    public IReadOnlyCollection<ImageId> KnownImages => Bindings.KnownImages;

    /// <summary>
    /// Plays every step on the service. After each, <paramref name="answered"/> gets the step and its outcome while
    /// the script's names still mean what they meant for the step; then the image the step made, if any, becomes
    /// the newest, and <paramref name="settled"/> gets the step and its outcome. Either throws to fail the property.
    /// </summary>
    public static void Play(Script script, Action<ScriptRun, Operation, Outcome>? answered, Action<ScriptRun, Operation, Outcome>? settled)
    {
        var run = new ScriptRun(script);
        foreach (var step in script.Steps)
        {
            var outcome = run.Play(step);
            answered?.Invoke(run, step, outcome);
            run.Settle(outcome);
            settled?.Invoke(run, step, outcome);
        }
    }

    /// <summary>
    /// Plays one step on the service, a minute after the last. The image it made, if any, is not the newest until
    /// <see cref="Settle"/>, so the step's names can still be resolved as the step resolved them.
    /// </summary>
    public Outcome Play(Operation step)
    {
        ArgumentNullException.ThrowIfNull(step);
        Service.Clock.Advance(TimeSpan.FromMinutes(1));
        var resolved = step.Resolved(Bindings);
        var outcome = step.RunOn(Service, Bindings);
        trace.Add(string.Create(CultureInfo.InvariantCulture, $"  {trace.Count + 1}. {step}{(resolved.Length > 0 ? " [" + resolved + "]" : string.Empty)} -> {outcome}"));
        return outcome;
    }

    /// <summary>Makes the image <paramref name="outcome"/> made, if any, the newest.</summary>
    public void Settle(Outcome outcome) => Bindings.Record(outcome);

    /// <summary>Everything stored about the images the run knows and the world's catalogues; see <see cref="ServiceUnderTest.Snapshot"/>.</summary>
    public string Snapshot() => Service.Snapshot(KnownImages);

    /// <summary>
    /// The reads that show all an account can see: for every account and region its listing and quota, and for
    /// every image known to the run, made or deleted, each account's launch decision and share permissions in the
    /// image's region.
    /// </summary>
    public IEnumerable<Operation> Observations()
    {
        foreach (var account in Script.World.Accounts)
        {
            foreach (var region in Script.World.Regions)
            {
                yield return new DescribeImages(account.Id, region.Id, Limit: 100);
                yield return new GetQuota(account.Id, region.Id);
            }
        }

        foreach (var image in KnownImages)
        {
            foreach (var account in Script.World.Accounts)
            {
                yield return new LaunchInstance(new Who(account.Id), Where.ImageRegion, ImageRef.Of(image));
                yield return new DescribeSharePermissions(new Who(account.Id), Where.ImageRegion, ImageRef.Of(image));
            }
        }
    }

    /// <summary>The exception that fails the property with <paramref name="problem"/> and the trace of the steps so far.</summary>
    public PropertyViolation Fail(string problem) =>
        new(string.Join(Environment.NewLine, [problem, "steps played:", .. trace]));
}
