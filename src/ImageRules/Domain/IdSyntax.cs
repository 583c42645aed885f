namespace ImageRules.Domain;

/// <summary>The character rules shared by the provider's identifiers (R7).</summary>
internal static class IdSyntax
{
    /// <summary>True when <paramref name="text"/> is <paramref name="prefix"/> followed by 8 lowercase letters or digits.</summary>
    public static bool IsPrefixedSuffix8(string? text, string prefix) =>
        text is not null
        && text.Length == prefix.Length + 8
        && text.StartsWith(prefix, StringComparison.Ordinal)
        && AreLowercaseAlphanumeric(text.AsSpan(prefix.Length));

    /// <summary>True for one or more ASCII lowercase letters or digits.</summary>
    public static bool AreLowercaseAlphanumeric(ReadOnlySpan<char> span)
    {
        if (span.IsEmpty)
        {
            return false;
        }

        foreach (var c in span)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Quotes user input for a one-line failure message, cutting very long input in the middle and replacing control,
    /// format and separator characters (R36: no line break, bidi override or hidden character reaches a log or console
    /// through a message). Both ends are kept: the start says what the value is, the end often holds what is wrong
    /// with it (an import url's file format, R18).
    /// </summary>
    public static string Quote(string? text)
    {
        if (text is null)
        {
            return "(none)";
        }

        var shown = text.Length > 64 ? string.Concat(text.AsSpan(0, 32), "…", text.AsSpan(text.Length - 31)) : text;
        return "`" + string.Create(shown.Length, shown, static (span, s) =>
        {
            for (var i = 0; i < s.Length; i++)
            {
                span[i] = HidesOrBreaksText(s[i]) ? '?' : s[i];
            }
        }) + "`";
    }

    private static bool HidesOrBreaksText(char c) => char.GetUnicodeCategory(c) is
        System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
        or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator;
}
