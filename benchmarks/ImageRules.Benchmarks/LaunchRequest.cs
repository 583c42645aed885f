using System.Security.Claims;
using ImageRules.Domain;
using ImageRules.Policy;

namespace ImageRules.Benchmarks;

/// <summary>
/// One "may <paramref name="Caller"/> launch <paramref name="Image"/> in <paramref name="Region"/>?" question, as a
/// regional endpoint has it: the region is the endpoint's own and authentication has already made the caller's
/// principal, so neither is charged to any member; the engine's request record and the facts the store holds for it
/// are built once too. Every member is checked against the expected answer (R30) before measuring.
/// </summary>
/// <param name="Caller">The account asking.</param>
/// <param name="User">The caller as ASP.NET Core authentication presents it, for the peer.</param>
/// <param name="Region">The region asked in.</param>
/// <param name="Image">The image asked for.</param>
/// <param name="Launch">The question as the library's request record, for the engine and the service.</param>
/// <param name="Facts">What the store holds for <paramref name="Launch"/> (the service's own query), for the engine.</param>
/// <param name="Reason">Why the rules allow the launch; null when they refuse it.</param>
/// <param name="Code">The error code of the refusal; null when the launch is allowed.</param>
internal sealed record LaunchRequest(
    AccountId Caller,
    ClaimsPrincipal User,
    Region Region,
    ImageId Image,
    LaunchImage Launch,
    ImageFacts Facts,
    LaunchReason? Reason,
    string? Code)
{
    /// <summary>True when the rules allow this launch.</summary>
    public bool Allowed => Reason is not null;
}
