using System.Buffers;
using System.Text;

namespace ImageRules.AspNetCore.Authentication;

/// <summary>
/// A message to hash, built as UTF-8 bytes in a caller's stack buffer and moved to a pooled array only when it
/// outgrows it, so that hashing a request's canonical form or string to sign allocates nothing and is hashed in one
/// call (<c>SHA256.HashData</c>, <c>HMACSHA256.HashData</c>).
/// </summary>
/// <remarks>Dispose it to return a pooled array; one message is one thread's.</remarks>
internal ref struct Tc3Message
{
    private Span<byte> buffer;
    private byte[]? rented;
    private int length;

    /// <summary>Builds the message in <paramref name="initial"/> while it fits.</summary>
    public Tc3Message(Span<byte> initial) => buffer = initial;

    /// <summary>The message's bytes so far.</summary>
    public readonly ReadOnlySpan<byte> Written => buffer[..length];

    /// <summary>Appends <paramref name="text"/> as UTF-8, optionally with ASCII letters lower-cased.</summary>
    public void Append(ReadOnlySpan<char> text, bool lowerAscii = false)
    {
        Reserve(Encoding.UTF8.GetMaxByteCount(text.Length));
        var bytes = buffer.Slice(length, Encoding.UTF8.GetBytes(text, buffer[length..]));
        if (lowerAscii) LowerAscii(bytes);
        length += bytes.Length;
    }

    /// <summary>Appends one ASCII character.</summary>
    public void Append(char ascii)
    {
        Reserve(1);
        buffer[length++] = (byte)ascii;
    }

    /// <summary>Appends <paramref name="bytes"/> as lowercase hex digits.</summary>
    public void AppendLowerHex(ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length * 2);
        Convert.TryToHexStringLower(bytes, buffer[length..], out var written);
        length += written;
    }

    /// <summary>Returns the pooled array, if the message needed one.</summary>
    public void Dispose()
    {
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        rented = null;
    }

    private void Reserve(int bytes)
    {
        if (buffer.Length - length >= bytes) return;
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, length + bytes));
        buffer[..length].CopyTo(larger);
        Dispose();
        rented = larger;
        buffer = larger;
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
