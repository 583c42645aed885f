namespace ImageRules.Samples.ImageShell;

/// <summary>A line the shell cannot read: an unknown command, a missing or extra word, or an unknown option.</summary>
/// <param name="Message">What is wrong, and the command's syntax when it is known.</param>
public sealed record UsageError(string Message);
