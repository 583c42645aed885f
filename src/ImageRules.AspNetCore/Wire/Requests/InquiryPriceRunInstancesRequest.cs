namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>InquiryPriceRunInstancesRequest</c>: the price of a RunInstances configuration.</summary>
/// <remarks>
/// The parameters that bear on images and placement; the SDK's others (network, login, security groups…) are skipped.
/// <c>Placement</c> and <c>ImageId</c> are required unless <c>LaunchTemplate</c> is given; <c>InstanceCount</c> in
/// [1, 100] and <c>DataDisks</c> ≤ 21, as <see cref="RunInstancesRequest"/>.
/// </remarks>
internal sealed record InquiryPriceRunInstancesRequest : WireRequest
{
    /// <summary>Where the instances would go.</summary>
    public Placement? Placement { get; init; }

    /// <summary>The image to launch.</summary>
    public string? ImageId { get; init; }

    /// <summary><c>PREPAID</c>, <c>POSTPAID_BY_HOUR</c> (default) or <c>SPOTPAID</c>.</summary>
    public string? InstanceChargeType { get; init; }

    /// <summary>The term, for <c>PREPAID</c>.</summary>
    public InstanceChargePrepaid? InstanceChargePrepaid { get; init; }

    /// <summary>The instance type, such as <c>S5.MEDIUM2</c>.</summary>
    public string? InstanceType { get; init; }

    /// <summary>The system disk.</summary>
    public SystemDisk? SystemDisk { get; init; }

    /// <summary>The data disks, at most 21.</summary>
    public IReadOnlyList<DataDisk>? DataDisks { get; init; }

    /// <summary>How many instances: 1 to 100; 1 by default (SDK: int64).</summary>
    public long? InstanceCount { get; init; }

    /// <summary>The instances' display name.</summary>
    public string? InstanceName { get; init; }

    /// <summary>The idempotency token, at most 64 ASCII characters.</summary>
    public string? ClientToken { get; init; }

    /// <summary>The host name.</summary>
    public string? HostName { get; init; }

    /// <summary>Tags to bind.</summary>
    public IReadOnlyList<TagSpecification>? TagSpecification { get; init; }

    /// <summary>A launch template that stands in for <c>Placement</c> and <c>ImageId</c>.</summary>
    public LaunchTemplate? LaunchTemplate { get; init; }

    /// <inheritdoc />
    public override WireError? Validate() => RunInstancesRequest.ValidateLaunch(
        Placement, ImageId, LaunchTemplate, InstanceChargePrepaid, DataDisks, InstanceCount, null,
        WireLimits.InquiryPriceRunInstancesInstanceCount, ClientToken, TagSpecification);
}
