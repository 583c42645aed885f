using System.Security.Claims;
using ImageRules.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace ImageRules.Benchmarks;

/// <summary>
/// The launch rule (R30) written as a .NET team would with ASP.NET Core's resource-based authorization: the caller
/// is a <see cref="ClaimsPrincipal"/> with an account-id claim, the resource is the <see cref="Image"/> the endpoint
/// loaded, and the handler succeeds for a <c>Normal</c> image that is public, the caller's own or granted to the caller.
/// The endpoint checks the region before it asks (it looked the image up there), as it would to answer not-found.
/// </summary>
/// <param name="recipients">Who holds a grant for each shared image: the same hash sets the floor reads.</param>
internal sealed class LaunchImageHandler(IReadOnlyDictionary<ImageId, HashSet<AccountId>> recipients)
    : AuthorizationHandler<OperationAuthorizationRequirement, Image>
{
    /// <summary>The claim that carries the caller's account id.</summary>
    public const string AccountClaim = "account_id";

    /// <summary>The operation the endpoint asks about.</summary>
    public static readonly OperationAuthorizationRequirement Launch = new() { Name = nameof(Launch) };

    /// <summary>A principal for <paramref name="account"/>, as authentication would have made it before the endpoint runs.</summary>
    public static ClaimsPrincipal Principal(AccountId account) =>
        new(new ClaimsIdentity([new Claim(AccountClaim, account.Value)], authenticationType: "benchmark"));

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Image resource)
    {
        if (requirement.Name != Launch.Name || resource.State != ImageState.Normal || context.User.FindFirst(AccountClaim)?.Value is not { } account)
        {
            return Task.CompletedTask;
        }

        var caller = new AccountId(account);
        if (resource.Owner is not { } owner || owner == caller || (recipients.TryGetValue(resource.Id, out var holders) && holders.Contains(caller)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
