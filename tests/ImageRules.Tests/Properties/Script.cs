using System.Collections.Immutable;

namespace ImageRules.Tests.Properties;

/// <summary>A generated test case: options, a starting world, and the operations to run on it in order.</summary>
/// <param name="Profile">The options.</param>
/// <param name="World">The starting state.</param>
/// <param name="Steps">The operations.</param>
public sealed record Script(Profile Profile, World World, ImmutableArray<Operation> Steps)
{
    /// <inheritdoc/>
    public override string ToString() =>
        string.Join(Environment.NewLine, [
            string.Empty,
            "profile: " + Profile,
            World.ToString(),
            $"steps ({Steps.Length}):",
            .. Steps.Select((step, i) => $"  {i + 1}. {step}"),
        ]);
}
