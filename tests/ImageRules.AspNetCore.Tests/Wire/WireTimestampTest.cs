using System.Buffers;
using System.Text;
using System.Text.Json;
using ImageRules.AspNetCore.Wire;

namespace ImageRules.AspNetCore.Tests.Wire;

public sealed class WireTimestampTest
{
    [Fact]
    public void Write_UtcInstantWithFraction_IsIso8601SecondsZ()
    {
        Assert.Equal("\"2026-12-01T02:09:13Z\"", Written(new DateTimeOffset(2026, 12, 1, 2, 9, 13, 999, TimeSpan.Zero)));
    }

    [Fact]
    public void Write_InstantWithAnOffset_IsConvertedToUtc()
    {
        Assert.Equal("\"2026-11-30T18:09:13Z\"", Written(new DateTimeOffset(2026, 12, 1, 2, 9, 13, TimeSpan.FromHours(8))));
    }

    [Fact]
    public void Write_TheLastSecondOfAYear_KeepsItsDate()
    {
        Assert.Equal("\"9999-12-31T23:59:59Z\"", Written(DateTimeOffset.MaxValue));
    }

    private static string Written(DateTimeOffset instant)
    {
        var destination = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(destination))
        {
            new WireTimestamp().Write(writer, instant, JsonSerializerOptions.Default);
        }

        return Encoding.UTF8.GetString(destination.WrittenSpan);
    }
}
