namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>Placement</c> as the requests send it: where instances go (request-only fields are left out).</summary>
/// <remarks><see cref="Zone"/> is required by the SDK model. Immutable.</remarks>
internal sealed record Placement
{
    /// <summary>The zone, such as <c>ap-guangzhou-3</c>; its region must be the request's region.</summary>
    public string? Zone { get; init; }

    /// <summary>The project id; 0 is the default project (SDK: int64).</summary>
    public long? ProjectId { get; init; }

    /// <summary>Dedicated hosts to place the instances on.</summary>
    public IReadOnlyList<string>? HostIds { get; init; }

    /// <summary>The placement at <paramref name="path"/> checked as a request part.</summary>
    public WireError? Validate(string path) =>
        WireChecks.Required(Zone, $"{path}.Zone") ?? WireChecks.NoNullItems(HostIds, $"{path}.HostIds");
}
