using ImageRules.AspNetCore.Wire;

namespace ImageRules.AspNetCore.Tests.Wire;

public sealed class WireTimestampTest
{
    [Fact]
    public void ToWire_UtcInstantWithFraction_IsIso8601SecondsZ()
    {
        Assert.Equal("2026-12-01T02:09:13Z", WireTimestamp.ToWire(new DateTimeOffset(2026, 12, 1, 2, 9, 13, 999, TimeSpan.Zero)));
    }

    [Fact]
    public void ToWire_InstantWithAnOffset_IsConvertedToUtc()
    {
        Assert.Equal("2026-11-30T18:09:13Z", WireTimestamp.ToWire(new DateTimeOffset(2026, 12, 1, 2, 9, 13, TimeSpan.FromHours(8))));
    }
}
