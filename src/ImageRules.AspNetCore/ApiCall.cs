using ImageRules.Domain;
using ImageRules.Policy;

namespace ImageRules.AspNetCore;

/// <summary>One authenticated call: who calls, the region header as sent, and the id its answer carries.</summary>
/// <param name="Caller">The account the signature's key belongs to.</param>
/// <param name="RegionText">The <c>X-TC-Region</c> header; empty when absent.</param>
/// <param name="RequestId">The id of this call's answer.</param>
internal sealed record ApiCall(AccountId Caller, string RegionText, string RequestId)
{
    /// <summary>The region addressed, read with the provider's code for a malformed one (R7).</summary>
    public Result<RegionId> Region => Ids.Region(RegionText);
}
