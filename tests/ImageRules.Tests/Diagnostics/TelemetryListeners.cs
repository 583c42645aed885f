namespace ImageRules.Tests.Diagnostics;

/// <summary>
/// The tests that attach activity and meter listeners or measure allocations: they run alone, after every parallel
/// test, so that no other test's spans or allocations reach them.
/// </summary>
[CollectionDefinition(nameof(TelemetryListeners), DisableParallelization = true)]
public sealed class TelemetryListeners;
