using ImageRules.Domain;
using Requests = ImageRules.Policy;

namespace ImageRules.Tests.Properties;

/// <summary>An account asks to launch an instance from an image (R26, R30, R31).</summary>
/// <param name="Caller">The account.</param>
/// <param name="Where">The region addressed.</param>
/// <param name="Image">The image.</param>
public sealed record LaunchInstance(Who Caller, Where Where, ImageRef Image) : Operation
{
    /// <inheritdoc/>
    public override bool IsRead => true;

    /// <inheritdoc/>
    public override Outcome RunOn(ServiceUnderTest service, Bindings bindings)
    {
        ArgumentNullException.ThrowIfNull(service);
        var (caller, id, region) = Resolve(bindings, Caller, Image, Where);
        var result = ServiceUnderTest.Sync(service.Service.LaunchAsync(new Requests.LaunchImage(caller, region, id)));
        return Outcome.Of(result, p => Outcome.Launch(p.Kind, p.Reason, !p.LicenceFeePerHour.IsFree, p.Advisories));
    }

    /// <inheritdoc/>
    public override Outcome RunOn(ReferenceModel model, Bindings bindings)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (caller, id, region) = Resolve(bindings, Caller, Image, Where);
        return model.Launch(caller, region, id);
    }

    /// <inheritdoc/>
    public override string Resolved(Bindings bindings) => Show(bindings, Caller, Image, Where);

    /// <inheritdoc/>
    public override string ToString() => $"{Caller} launches from {Image} {Where}";
}
