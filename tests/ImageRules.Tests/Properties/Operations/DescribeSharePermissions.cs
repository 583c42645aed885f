using ImageRules.Domain;
using Requests = ImageRules.Policy;

namespace ImageRules.Tests.Properties;

/// <summary>An account asks who an image is shared with (R27).</summary>
/// <param name="Caller">The account.</param>
/// <param name="Where">The region addressed.</param>
/// <param name="Image">The image.</param>
public sealed record DescribeSharePermissions(Who Caller, Where Where, ImageRef Image) : Operation
{
    /// <inheritdoc/>
    public override bool IsRead => true;

    /// <inheritdoc/>
    public override Outcome RunOn(ServiceUnderTest service, Bindings bindings)
    {
        ArgumentNullException.ThrowIfNull(service);
        var (caller, id, region) = Resolve(bindings, Caller, Image, Where);
        var result = ServiceUnderTest.Sync(service.Service.DescribeShareGrantsAsync(new Requests.DescribeShareGrants(caller, region, id)));
        return Outcome.Of(result, grants => Outcome.SortedGrants("grants", grants));
    }

    /// <inheritdoc/>
    public override Outcome RunOn(ReferenceModel model, Bindings bindings)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (caller, id, region) = Resolve(bindings, Caller, Image, Where);
        return model.Permissions(caller, region, id);
    }

    /// <inheritdoc/>
    public override string Resolved(Bindings bindings) => Show(bindings, Caller, Image, Where);

    /// <inheritdoc/>
    public override string ToString() => $"{Caller} describes share permissions of {Image} {Where}";
}
