namespace ImageRules.Tests.Properties;

/// <summary>Generated text meant to break a parameter, shown escaped and cut so a counterexample stays readable.</summary>
/// <param name="Text">The text; null too.</param>
public sealed record HostileText(string? Text)
{
    /// <inheritdoc/>
    public override string ToString() => Readable.Text(Text);
}
