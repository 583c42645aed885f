namespace ImageRules.AspNetCore.Authentication;

/// <summary>How the image API checks request signatures.</summary>
/// <remarks>
/// An options class in the Microsoft.Extensions.Options way: settable, so that <c>Configure</c> and configuration
/// binding can fill it, and read once validated; see
/// <see cref="Hosting.ImageApiAuthenticationServiceCollectionExtensions.AddImageApiAuthentication"/>.
/// </remarks>
public sealed class ImageApiAuthenticationOptions
{
    /// <summary>
    /// How far, either way, a request's <c>X-TC-Timestamp</c> may be from the server's clock before the request is
    /// refused with <c>AuthFailure.SignatureExpire</c>; whole seconds count. The provider's 300 seconds unless set; at
    /// least one second.
    /// </summary>
    public TimeSpan AllowedClockSkew { get; set; } = TimeSpan.FromSeconds(300);
}
