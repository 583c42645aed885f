using FsCheck.Xunit;

namespace ImageRules.Tests.Properties;

/// <summary>
/// An FsCheck property over <see cref="WorldArbitraries"/>, run <see cref="DefaultRuns"/> times, or as many times as
/// the environment variable <c>IMAGERULES_PROPERTY_RUNS</c> says (a positive whole number) for a longer search.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class RulePropertyAttribute : PropertyAttribute
{
    /// <summary>The environment variable that overrides every property's number of runs.</summary>
    public const string RunsVariable = "IMAGERULES_PROPERTY_RUNS";

    /// <summary>Makes the attribute.</summary>
    /// <param name="defaultRuns">How many cases to try when <see cref="RunsVariable"/> is not set.</param>
    public RulePropertyAttribute(int defaultRuns)
    {
        DefaultRuns = defaultRuns;
        MaxTest = RunsFromEnvironment() ?? defaultRuns;
        Arbitrary = [typeof(WorldArbitraries)];
    }

    /// <summary>How many cases to try when <see cref="RunsVariable"/> is not set.</summary>
    public int DefaultRuns { get; }

    private static int? RunsFromEnvironment() =>
        int.TryParse(Environment.GetEnvironmentVariable(RunsVariable), out var runs) && runs > 0 ? runs : null;
}
