using ImageRules.Policy;

namespace ImageRules.Tests.Policy;

/// <summary>
/// Asserts a refusal as a caller of the library meets it: the failure type, the provider's exact code (RULES.md), and
/// a message in the house style (one lowercase line, no final period, naming the offending value).
/// </summary>
public static class Refused
{
    /// <summary>Asserts <paramref name="failure"/> is a <typeparamref name="TFailure"/> with <paramref name="code"/> and a message naming <paramref name="naming"/>.</summary>
    public static TFailure Because<TFailure>(Failure? failure, string code, string naming)
        where TFailure : Failure
    {
        var typed = Assert.IsType<TFailure>(failure);
        Assert.Equal(code, typed.Code);
        AssertMessageStyle(typed.Message);
        Assert.Contains(naming, typed.Message, StringComparison.Ordinal);
        return typed;
    }

    /// <summary>
    /// One line, no final period, starting lowercase, and lowercase outside backticks (where user input and the
    /// provider's own spellings go); the unit symbol GiB is the one capitalised word allowed. One line in every
    /// console: no control, format or separator character, even quoted from user input (R36).
    /// </summary>
    public static void AssertMessageStyle(string message)
    {
        Assert.False(string.IsNullOrWhiteSpace(message), "the message is empty");
        Assert.DoesNotContain('\n', message);
        Assert.DoesNotContain('\r', message);
        Assert.False(message.Any(HidesOrBreaksText), $"the message holds control, format or separator characters: {message}");
        Assert.False(message.EndsWith('.'), $"the message ends with a period: {message}");
        Assert.True(char.IsLower(message[0]), $"the message does not start lowercase: {message}");
        var prose = string.Concat(message.Split('`').Where((_, i) => i % 2 == 0)).Replace("GiB", "gib", StringComparison.Ordinal);
        Assert.False(prose.Any(char.IsUpper), $"the message has capitals outside backticks: {message}");
    }

    private static bool HidesOrBreaksText(char c) => char.GetUnicodeCategory(c) is
        System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
        or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator;
}
