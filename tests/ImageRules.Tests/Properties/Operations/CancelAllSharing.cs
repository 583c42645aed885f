using ImageRules.Domain;
using Requests = ImageRules.Policy;

namespace ImageRules.Tests.Properties;

/// <summary>An account cancels every grant of an image (R16, R24).</summary>
/// <param name="Caller">The account.</param>
/// <param name="Where">The region addressed.</param>
/// <param name="Image">The image.</param>
public sealed record CancelAllSharing(Who Caller, Where Where, ImageRef Image) : Operation
{
    /// <inheritdoc/>
    public override Outcome RunOn(ServiceUnderTest service, Bindings bindings)
    {
        ArgumentNullException.ThrowIfNull(service);
        var (caller, id, region) = Resolve(bindings, Caller, Image, Where);
        var result = ServiceUnderTest.Sync(service.Service.CancelAllSharingAsync(new Requests.CancelAllSharing(caller, region, id)));
        return Outcome.Of(result, c => Outcome.SortedGrants("cancelled", c.Grants));
    }

    /// <inheritdoc/>
    public override Outcome RunOn(ReferenceModel model, Bindings bindings)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (caller, id, region) = Resolve(bindings, Caller, Image, Where);
        return model.CancelAllSharing(caller, region, id);
    }

    /// <inheritdoc/>
    public override string Resolved(Bindings bindings) => Show(bindings, Caller, Image, Where);

    /// <inheritdoc/>
    public override string ToString() => $"{Caller} cancels all sharing of {Image} {Where}";
}
