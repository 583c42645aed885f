using ImageRules.Domain;

namespace ImageRules.Samples.ImageApi;

/// <summary>Who calls which action in which region, read from the headers of one request.</summary>
/// <param name="Action">The action, from <c>X-TC-Action</c>.</param>
/// <param name="Caller">The calling account, from <c>X-Account-Id</c>.</param>
/// <param name="Region">The region addressed, from <c>X-TC-Region</c>.</param>
/// <param name="RequestId">The id this call's answer carries.</param>
public sealed record ApiCall(string Action, AccountId Caller, RegionId Region, string RequestId);
