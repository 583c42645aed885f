using ImageRules.Domain;
using Requests = ImageRules.Policy;

namespace ImageRules.Tests.Properties;

/// <summary>An account asks how much of its custom-image quota it uses in a region (R11).</summary>
/// <param name="Caller">The account.</param>
/// <param name="Region">The region.</param>
public sealed record GetQuota(AccountId Caller, RegionId Region) : Operation
{
    /// <inheritdoc/>
    public override bool IsRead => true;

    /// <inheritdoc/>
    public override Outcome RunOn(ServiceUnderTest service, Bindings bindings)
    {
        ArgumentNullException.ThrowIfNull(service);
        return Outcome.Of(ServiceUnderTest.Sync(service.Service.DescribeQuotaAsync(new Requests.DescribeQuota(Caller, Region))), q => Outcome.Quota(q.Used, q.Limit));
    }

    /// <inheritdoc/>
    public override Outcome RunOn(ReferenceModel model, Bindings bindings)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Quota(Caller, Region);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Caller} asks its quota in {Region}";
}
