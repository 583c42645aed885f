using Microsoft.Extensions.DependencyInjection;

namespace ImageRules.Hosting;

/// <inheritdoc/>
internal sealed class ImageRulesBuilder(IServiceCollection services) : IImageRulesBuilder
{
    /// <inheritdoc/>
    public IServiceCollection Services { get; } = services;
}
