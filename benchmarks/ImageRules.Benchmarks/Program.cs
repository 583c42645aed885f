using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// Each run builds its own copy of this project first; on a busy machine that takes longer than BenchmarkDotNet's
// default two minutes, so the build gets ten (it changes no measurement). `--buildTimeout` still overrides it.
var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10));
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);

// A benchmark that failed to build or run (or a member that disagreed with the rules) must fail CI's smoke run.
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
