using System.Security.Claims;
using ImageRules.Domain;

namespace ImageRules.Benchmarks;

/// <summary>
/// One "may <paramref name="Caller"/> launch <paramref name="Image"/> in <paramref name="Region"/>?" question, as a
/// regional endpoint has it: the region is the endpoint's own and authentication has already made the caller's
/// principal, so neither is charged to any member. Every member is checked against the expected answer (R30) before
/// measuring.
/// </summary>
/// <param name="Caller">The account asking.</param>
/// <param name="User">The caller as ASP.NET Core authentication presents it, for the peer.</param>
/// <param name="Region">The region asked in.</param>
/// <param name="Image">The image asked for.</param>
/// <param name="Reason">Why the rules allow the launch; null when they refuse it.</param>
/// <param name="Code">The error code of the refusal; null when the launch is allowed.</param>
internal sealed record LaunchRequest(AccountId Caller, ClaimsPrincipal User, Region Region, ImageId Image, LaunchReason? Reason, string? Code)
{
    /// <summary>True when the rules allow this launch.</summary>
    public bool Allowed => Reason is not null;
}
