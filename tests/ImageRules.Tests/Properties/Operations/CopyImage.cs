using ImageRules.Domain;
using Requests = ImageRules.Policy;

namespace ImageRules.Tests.Properties;

/// <summary>An account copies an image to a region (R14, R15, R25).</summary>
/// <param name="Caller">The account.</param>
/// <param name="Where">The region addressed.</param>
/// <param name="Image">The image to copy.</param>
/// <param name="Target">The region to copy into.</param>
/// <param name="Name">The copy's name, or null to keep the source's.</param>
public sealed record CopyImage(Who Caller, Where Where, ImageRef Image, RegionId Target, string? Name) : Operation
{
    /// <inheritdoc/>
    public override Outcome RunOn(ServiceUnderTest service, Bindings bindings)
    {
        ArgumentNullException.ThrowIfNull(service);
        var (caller, id, region) = Resolve(bindings, Caller, Image, Where);
        var result = ServiceUnderTest.Sync(service.Service.CopyImageAsync(new Requests.CopyImage(caller, region, id, Target, Name)));
        return Outcome.Of(result, c => Outcome.Made(c.Copy.Id, c.Copy.Owner, c.Copy.Region, c.Copy.State, charged: !c.Charge.IsFree));
    }

    /// <inheritdoc/>
    public override Outcome RunOn(ReferenceModel model, Bindings bindings)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (caller, id, region) = Resolve(bindings, Caller, Image, Where);
        return model.Copy(caller, region, id, Target, Name);
    }

    /// <inheritdoc/>
    public override string Resolved(Bindings bindings) => Show(bindings, Caller, Image, Where);

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Caller} copies {Image} {Where} to {Target}" + (Name is null ? string.Empty : $" as {Readable.Text(Name)}");
}
