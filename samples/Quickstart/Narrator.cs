using ImageRules.Policy;

namespace ImageRules.Samples.Quickstart;

/// <summary>
/// Tells the quickstart story: numbered chapters, indented lines, and every outcome of the library in one of two
/// shapes: what was allowed, or <c>refused: Code (Rule): message</c>, so a reader learns the provider's error codes
/// beside the rule the step shows.
/// </summary>
/// <param name="output">Where the story is written.</param>
public sealed class Narrator(TextWriter output)
{
    private int chapter;

    /// <summary>A line without indentation, for the opening and the end.</summary>
    public void Title(string text) => output.WriteLine(text);

    /// <summary>Starts the next numbered chapter.</summary>
    public void Chapter(string title)
    {
        output.WriteLine();
        output.WriteLine($"{++chapter}. {title}");
    }

    /// <summary>One line of the story.</summary>
    public void Say(string text) => output.WriteLine("   " + text);

    /// <summary>Tells an outcome the story needs to succeed, and hands back its value.</summary>
    /// <exception cref="InvalidOperationException">The library refused: the story no longer matches the rules.</exception>
    public T Allowed<T>(Result<T> result, Func<T, string> tell)
    {
        ArgumentNullException.ThrowIfNull(tell);
        var value = Expected(result);
        Say(tell(value));
        return value;
    }

    /// <summary>
    /// Tells an outcome the story expects to be refused: the failure's code and message, and <paramref name="rule"/>,
    /// the rule of <c>docs/rules.md</c> this step shows (failures carry their code, not their rule).
    /// </summary>
    /// <exception cref="InvalidOperationException">The library allowed it: the story no longer matches the rules.</exception>
    public void Refused<T>(Result<T> result, string rule)
    {
        if (result.TryGetValue(out var value, out var failure))
        {
            throw new InvalidOperationException($"the story expected this to be refused by {rule}, but it was allowed: {value}");
        }

        Say($"refused: {failure.Code} ({rule}): {failure.Message}");
    }

    /// <summary>The value of an outcome the story needs but does not tell.</summary>
    /// <exception cref="InvalidOperationException">The library refused: the story no longer matches the rules.</exception>
    public static T Expected<T>(Result<T> result) =>
        result.TryGetValue(out var value, out var failure)
            ? value
            : throw new InvalidOperationException($"the story expected this to be allowed: {failure}");
}
