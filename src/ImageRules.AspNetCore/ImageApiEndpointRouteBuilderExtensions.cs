using Ardalis.GuardClauses;
using ImageRules.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ImageRules.Hosting;

/// <summary>Maps the provider's image API onto an ASP.NET Core app.</summary>
public static class ImageApiEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Answers every method at <paramref name="pattern"/> as the provider's API 3.0 does (the SDKs call <c>/</c> and
    /// sign that path): <c>POST</c> with a JSON body and <c>GET</c> with the parameters flattened into the query string
    /// are served, any other method is refused <c>UnsupportedProtocol</c>; every answer HTTP 200 with the
    /// <c>Response</c> envelope. A GET may carry 32 KB of query; Kestrel's request line is 8 KB unless the host raises
    /// <c>KestrelServerLimits.MaxRequestLineSize</c>. Needs <see cref="ImageApiServiceCollectionExtensions.AddImageApi"/>.
    /// </summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="pattern">The route; <c>/</c> unless the host serves the API under another path.</param>
    /// <returns>The endpoint, for further conventions.</returns>
    public static IEndpointConventionBuilder MapImageApi(this IEndpointRouteBuilder endpoints, string pattern = "/")
    {
        Guard.Against.Null(endpoints);
        Guard.Against.NullOrEmpty(pattern);
        // Resolved once: the endpoint is a singleton, and asking each request's services for it would open a service
        // scope per request that nothing else needs.
        var endpoint = endpoints.ServiceProvider.GetRequiredService<ImageApiEndpoint>();
        return endpoints.Map(pattern, new RequestDelegate(endpoint.HandleAsync));
    }
}
