namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>RunInstancesRequest</c>: launch instances of an image.</summary>
/// <remarks>
/// The parameters that bear on images and placement; the SDK's others (network, login, security services…) are
/// skipped. <c>Placement</c> and <c>ImageId</c> are required unless <c>LaunchTemplate</c> is given;
/// <c>InstanceCount</c> in [1, 500] and <c>MinCount</c> in [1, <c>InstanceCount</c>] (<c>InvalidParameterValue.Range</c>);
/// <c>DataDisks</c> ≤ 21 (<c>InvalidParameterValue.LimitExceeded</c>); <c>ClientToken</c> ≤ 64 characters
/// (<c>InvalidClientToken.TooLong</c>).
/// </remarks>
internal sealed record RunInstancesRequest : WireRequest
{
    /// <summary><c>PREPAID</c>, <c>POSTPAID_BY_HOUR</c> (default), <c>CDHPAID</c>, <c>SPOTPAID</c> or <c>CDCPAID</c>.</summary>
    public string? InstanceChargeType { get; init; }

    /// <summary>The term, for <c>PREPAID</c>.</summary>
    public InstanceChargePrepaid? InstanceChargePrepaid { get; init; }

    /// <summary>Where the instances go.</summary>
    public Placement? Placement { get; init; }

    /// <summary>The instance type, such as <c>S5.MEDIUM2</c>.</summary>
    public string? InstanceType { get; init; }

    /// <summary>The image to launch: public, custom, shared or marketplace.</summary>
    public string? ImageId { get; init; }

    /// <summary>The system disk.</summary>
    public SystemDisk? SystemDisk { get; init; }

    /// <summary>The data disks, at most 21.</summary>
    public IReadOnlyList<DataDisk>? DataDisks { get; init; }

    /// <summary>How many instances: 1 to 500; 1 by default (SDK: int64).</summary>
    public long? InstanceCount { get; init; }

    /// <summary>The fewest instances to launch, at most <see cref="InstanceCount"/> (SDK: int64).</summary>
    public long? MinCount { get; init; }

    /// <summary>The instances' display name, at most 128 characters.</summary>
    public string? InstanceName { get; init; }

    /// <summary>The security groups.</summary>
    public IReadOnlyList<string>? SecurityGroupIds { get; init; }

    /// <summary>The idempotency token, at most 64 ASCII characters.</summary>
    public string? ClientToken { get; init; }

    /// <summary>The host name.</summary>
    public string? HostName { get; init; }

    /// <summary>Tags to bind to the instances and their disks.</summary>
    public IReadOnlyList<TagSpecification>? TagSpecification { get; init; }

    /// <summary>User data, base64, at most 16 KB.</summary>
    public string? UserData { get; init; }

    /// <summary>Check only (the provider answers <c>DryRunOperation</c>); launch nothing.</summary>
    public bool? DryRun { get; init; }

    /// <summary>A launch template that stands in for <c>Placement</c> and <c>ImageId</c>.</summary>
    public LaunchTemplate? LaunchTemplate { get; init; }

    /// <summary>Protect the instances from deletion through the API.</summary>
    public bool? DisableApiTermination { get; init; }

    /// <inheritdoc />
    public override WireError? Validate() =>
        WireChecks.NoNullItems(SecurityGroupIds, nameof(SecurityGroupIds))
        ?? ValidateLaunch(
            Placement, ImageId, LaunchTemplate, InstanceChargePrepaid, DataDisks, InstanceCount, MinCount,
            WireLimits.RunInstancesInstanceCount, ClientToken, TagSpecification);

    /// <summary>The checks RunInstances and InquiryPriceRunInstances share.</summary>
    internal static WireError? ValidateLaunch(
        Placement? placement,
        string? imageId,
        LaunchTemplate? launchTemplate,
        InstanceChargePrepaid? prepaid,
        IReadOnlyList<DataDisk>? dataDisks,
        long? instanceCount,
        long? minCount,
        long maxInstanceCount,
        string? clientToken,
        IReadOnlyList<TagSpecification>? tagSpecification) =>
        (launchTemplate is null ? WireChecks.Required(placement, nameof(Placement)) : null)
        ?? (launchTemplate is null ? WireChecks.Required(imageId, nameof(ImageId)) : null)
        ?? placement?.Validate(nameof(Placement))
        ?? prepaid?.Validate(nameof(InstanceChargePrepaid))
        ?? WireChecks.Each(dataDisks, nameof(DataDisks), static (disk, path) => disk.Validate(path))
        ?? WireChecks.AtMost(dataDisks, WireLimits.DataDisks, nameof(DataDisks))
        ?? WireChecks.InRange(instanceCount, 1, maxInstanceCount, nameof(InstanceCount))
        ?? WireChecks.InRange(minCount, 1, instanceCount ?? maxInstanceCount, nameof(MinCount))
        ?? (clientToken is { Length: > WireLimits.ClientTokenLength } ? WireErrors.ClientTokenTooLong(clientToken.Length) : null)
        ?? WireChecks.TagSpecifications(tagSpecification, nameof(TagSpecification));
}
