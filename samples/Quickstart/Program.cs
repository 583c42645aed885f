using ImageRules.Samples.Quickstart;

// The README's first command: `dotnet run --project samples/Quickstart`. The story lives in Story.cs, so the tests can
// tell it too and check that it still reads the same.
await Story.RunAsync(Console.Out);
