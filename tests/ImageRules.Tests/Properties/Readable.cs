using System.Globalization;
using System.Text;

namespace ImageRules.Tests.Properties;

/// <summary>Shows generated text in one short line, so a counterexample of a property stays readable.</summary>
internal static class Readable
{
    private const int Shown = 24;

    /// <summary>
    /// <paramref name="text"/> in quotes with control characters and lone surrogates escaped; text longer than a few
    /// words is cut and its length in UTF-16 units given.
    /// </summary>
    public static string Text(string? text)
    {
        if (text is null)
        {
            return "null";
        }

        var shown = new StringBuilder("'");
        var part = text.Length > Shown ? text[..Shown] : text;
        for (var i = 0; i < part.Length; i++)
        {
            var c = part[i];
            var paired = char.IsHighSurrogate(c) ? i + 1 < part.Length && char.IsLowSurrogate(part[i + 1]) : char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(part[i - 1]);
            shown.Append(char.IsControl(c) || (char.IsSurrogate(c) && !paired) ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}") : c);
        }

        shown.Append('\'');
        return text.Length > Shown ? string.Create(CultureInfo.InvariantCulture, $"{shown}… ({text.Length} units)") : shown.ToString();
    }
}
