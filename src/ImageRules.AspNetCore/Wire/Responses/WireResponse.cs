using System.Text.Json.Serialization;

namespace ImageRules.AspNetCore.Wire;

/// <summary>The body of one action's answer, inside the envelope <c>{"Response": {...}}</c>; SDK <c>XxxResponse</c>.</summary>
/// <remarks>
/// <see cref="RequestId"/> is set by <see cref="WireResponseWriter"/> and written last, as the provider writes it.
/// Unset optional fields are left out; fields the SDK model documents as possibly null are written as <c>null</c>.
/// Immutable.
/// </remarks>
internal abstract record WireResponse
{
    /// <summary>The request's unique id, which every answer carries, successful or not.</summary>
    [JsonPropertyOrder(int.MaxValue)]
    public string RequestId { get; init; } = string.Empty;

    /// <summary>A copy of this answer, of its own type, with <paramref name="requestId"/>.</summary>
    internal WireResponse WithRequestId(string requestId) => this with { RequestId = requestId };
}
