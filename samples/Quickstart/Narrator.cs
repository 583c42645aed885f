using ImageRules.Policy;

namespace ImageRules.Samples.Quickstart;

/// <summary>
/// Tells the quickstart story: numbered chapters, indented lines, and every outcome of the library in one of two
/// shapes: what was allowed, or <c>refused: Code (Rule): message</c>, so a reader learns the provider's error codes.
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
        if (!result.TryGetValue(out var value, out var failure))
        {
            Refusal(failure);
            throw new InvalidOperationException($"the story expected this to be allowed: {failure}");
        }

        Say(tell(value));
        return value;
    }

    /// <summary>Tells an outcome the story expects to be refused, with the failure's code, rule and message.</summary>
    /// <exception cref="InvalidOperationException">The library allowed it: the story no longer matches the rules.</exception>
    public void Refused<T>(Result<T> result)
    {
        if (result.IsSuccess)
        {
            throw new InvalidOperationException($"the story expected this to be refused, but it was allowed: {result.Value}");
        }

        Refusal(result.Failure!);
    }

    private void Refusal(Failure failure) => Say($"refused: {failure.Code} ({failure.Rule}): {failure.Message}");
}
