using System.Globalization;

namespace ImageRules.AspNetCore.Wire;

/// <summary>
/// Times as the provider writes them (<c>Image.CreatedTime</c>, <c>SharePermission.CreatedTime</c>): ISO 8601 in UTC
/// with seconds and no fraction, <c>YYYY-MM-DDThh:mm:ssZ</c> (SDK model), for example <c>2026-12-01T02:09:13Z</c>.
/// </summary>
internal static class WireTimestamp
{
    private const string Format = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'";

    /// <summary>The instant in the provider's format; fractions of a second are dropped, not rounded.</summary>
    public static string ToWire(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);
}
