using ImageRules.Policy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ImageRules.Hosting;

/// <summary>
/// Binds <see cref="ImageRulesOptions"/> from the host's configuration section <see cref="ImageRulesOptions.SectionName"/>
/// when the host has a configuration (hosts built with <c>Host</c> or <c>WebApplication</c> do), and validates them
/// (every problem listed) when they are first read, which <c>ValidateOnStart</c> makes the host's start.
/// </summary>
internal sealed class ImageRulesOptionsSetup(IServiceProvider services) : IConfigureOptions<ImageRulesOptions>, IValidateOptions<ImageRulesOptions>
{
    public void Configure(ImageRulesOptions options)
    {
        services.GetService<IConfiguration>()?.GetSection(ImageRulesOptions.SectionName).Bind(options);
    }

    public ValidateOptionsResult Validate(string? name, ImageRulesOptions options)
    {
        var errors = options.Validate();
        return errors.IsEmpty ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
