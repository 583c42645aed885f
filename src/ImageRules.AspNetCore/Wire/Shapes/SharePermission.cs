using System.Text.Json.Serialization;

namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>SharePermission</c>: an account an image is shared with, and since when.</summary>
/// <remarks>Every field is optional. Immutable.</remarks>
internal sealed record SharePermission
{
    /// <summary>When the image was shared: ISO 8601 in UTC, <c>YYYY-MM-DDThh:mm:ssZ</c>.</summary>
    [JsonConverter(typeof(WireTimestamp))]
    public DateTimeOffset? CreatedTime { get; init; }

    /// <summary>The account the image is shared with.</summary>
    public string? AccountId { get; init; }
}
