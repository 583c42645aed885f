using Microsoft.Extensions.DependencyInjection;

namespace ImageRules.Hosting;

/// <summary>What <see cref="ImageRulesServiceCollectionExtensions.AddImageRules"/> returns: storage and extras hang off it (<c>UseStore</c>, <c>UseSqlite</c>, <c>UsePostgreSql</c>).</summary>
public interface IImageRulesBuilder
{
    /// <summary>The host's service container.</summary>
    IServiceCollection Services { get; }
}
