using ImageRules.Samples.ImageShell;

// `dotnet run --project samples/ImageShell` for a prompt; pipe a script in to run it (it stops at the first error,
// with a non-zero exit code), e.g. `dotnet run --project samples/ImageShell < samples/ImageShell/demo.imgsh`.
await using var shell = await Shell.StartAsync(Console.Out, interactive: !Console.IsInputRedirected);
return await shell.RunAsync(Console.In);
