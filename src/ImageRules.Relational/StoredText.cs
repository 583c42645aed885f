using System.Buffers;
using System.Text;

namespace ImageRules.Relational;

/// <summary>
/// Text as the database keeps it. Both engines store UTF-8, which cannot encode an unpaired surrogate (SQLite would
/// silently write U+FFFD instead), and PostgreSQL refuses U+0000; such text is refused before anything is written,
/// so a row always reads back exactly as it was given. The policy refuses such text from users (R12).
/// </summary>
internal static class StoredText
{
    /// <summary>Returns <paramref name="text"/> when the database can keep it exactly.</summary>
    /// <exception cref="ArgumentException">It holds an unpaired surrogate or U+0000.</exception>
    public static string Exact(string text, string what)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != OperationStatus.Done || rune.Value == 0)
            {
                throw new ArgumentException($"{what} holds an unpaired surrogate or a NUL character, which the database cannot keep", nameof(text));
            }

            rest = rest[used..];
        }

        return text;
    }
}
