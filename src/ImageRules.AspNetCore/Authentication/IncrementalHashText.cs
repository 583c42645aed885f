using System.Security.Cryptography;
using System.Text;

namespace ImageRules.AspNetCore.Authentication;

/// <summary>Feeds text to a hash as UTF-8 in small stack chunks, so hashing a request allocates nothing per piece.</summary>
internal static class IncrementalHashText
{
    private const int ChunkChars = 256;

    /// <summary>Appends <paramref name="text"/> as UTF-8, optionally with ASCII letters lower-cased.</summary>
    public static void AppendUtf8(this IncrementalHash hash, ReadOnlySpan<char> text, bool lowerAscii = false)
    {
        Span<byte> buffer = stackalloc byte[ChunkChars * 3];
        while (!text.IsEmpty)
        {
            int take = Math.Min(text.Length, ChunkChars);
            if (take < text.Length && char.IsHighSurrogate(text[take - 1])) take--; // never split a surrogate pair
            var bytes = buffer[..Encoding.UTF8.GetBytes(text[..take], buffer)];
            if (lowerAscii) LowerAscii(bytes);
            hash.AppendData(bytes);
            text = text[take..];
        }
    }

    /// <summary>Appends one ASCII character.</summary>
    public static void AppendAscii(this IncrementalHash hash, char c)
    {
        ReadOnlySpan<byte> one = [(byte)c];
        hash.AppendData(one);
    }

    /// <summary>Appends <paramref name="bytes"/> as lowercase hex digits.</summary>
    public static void AppendLowerHex(this IncrementalHash hash, ReadOnlySpan<byte> bytes)
    {
        Span<char> hex = stackalloc char[bytes.Length * 2];
        Convert.TryToHexStringLower(bytes, hex, out _);
        hash.AppendUtf8(hex);
    }

    // UTF-8 leaves ASCII bytes as they are and puts none inside a multi-byte sequence, so this lower-cases ASCII only.
    private static void LowerAscii(Span<byte> bytes)
    {
        foreach (ref byte b in bytes)
        {
            if (b is >= (byte)'A' and <= (byte)'Z') b |= 0x20;
        }
    }
}
