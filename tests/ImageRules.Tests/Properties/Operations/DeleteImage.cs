using ImageRules.Domain;
using Requests = ImageRules.Policy;

namespace ImageRules.Tests.Properties;

/// <summary>An account deletes an image (R16, R25).</summary>
/// <param name="Caller">The account.</param>
/// <param name="Where">The region addressed.</param>
/// <param name="Image">The image.</param>
public sealed record DeleteImage(Who Caller, Where Where, ImageRef Image) : Operation
{
    /// <inheritdoc/>
    public override Outcome RunOn(ServiceUnderTest service, Bindings bindings)
    {
        ArgumentNullException.ThrowIfNull(service);
        var (caller, id, region) = Resolve(bindings, Caller, Image, Where);
        return Outcome.Of(ServiceUnderTest.Sync(service.Service.DeleteImageAsync(new Requests.DeleteImage(caller, region, id))), d => Outcome.Deleted(d.Image.Id));
    }

    /// <inheritdoc/>
    public override Outcome RunOn(ReferenceModel model, Bindings bindings)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (caller, id, region) = Resolve(bindings, Caller, Image, Where);
        return model.Delete(caller, region, id);
    }

    /// <inheritdoc/>
    public override string Resolved(Bindings bindings) => Show(bindings, Caller, Image, Where);

    /// <inheritdoc/>
    public override string ToString() => $"{Caller} deletes {Image} {Where}";
}
