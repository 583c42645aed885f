using ImageRules.Policy;

namespace ImageRules.Samples.ImageApi.Wire;

/// <summary>An error as the provider spells it: its code, such as <c>InvalidImageId.NotFound</c>, and a message.</summary>
/// <param name="Code">The provider's error code.</param>
/// <param name="Message">What went wrong, in one line.</param>
public sealed record ApiError(string Code, string Message)
{
    /// <summary>A parameter or header the action needs is absent.</summary>
    public static ApiError MissingParameter(string name) => new("MissingParameter", $"`{name}` is missing");

    /// <summary>The body is not JSON of the action's input.</summary>
    public static ApiError InvalidParameter(string message) => new("InvalidParameter", message);

    /// <summary>A parameter has a value the action does not take.</summary>
    public static ApiError InvalidParameterValue(string message) => new("InvalidParameterValue", message);

    /// <summary>The library's refusal, with the provider's code it already carries.</summary>
    public static ApiError From(Failure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new(failure.Code, failure.Message);
    }
}
