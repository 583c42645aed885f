using ImageRules.Domain;
using Requests = ImageRules.Policy;

namespace ImageRules.Tests.Properties;

/// <summary>An account renames and/or re-describes an image (R12, R13, R25).</summary>
/// <param name="Caller">The account.</param>
/// <param name="Where">The region addressed.</param>
/// <param name="Image">The image.</param>
/// <param name="Name">The new name, or null.</param>
/// <param name="Description">The new description, or null.</param>
public sealed record ModifyImage(Who Caller, Where Where, ImageRef Image, string? Name, string? Description) : Operation
{
    /// <inheritdoc/>
    public override Outcome RunOn(ServiceUnderTest service, Bindings bindings)
    {
        ArgumentNullException.ThrowIfNull(service);
        var (caller, id, region) = Resolve(bindings, Caller, Image, Where);
        var result = ServiceUnderTest.Sync(service.Service.ModifyImageAsync(new Requests.ModifyImage(caller, region, id, Name, Description)));
        return Outcome.Of(result, m => Outcome.Modified(m.Image.Id, m.Image.Name, m.Image.Description));
    }

    /// <inheritdoc/>
    public override Outcome RunOn(ReferenceModel model, Bindings bindings)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (caller, id, region) = Resolve(bindings, Caller, Image, Where);
        return model.Modify(caller, region, id, Name, Description);
    }

    /// <inheritdoc/>
    public override string Resolved(Bindings bindings) => Show(bindings, Caller, Image, Where);

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Caller} modifies {Image} {Where}: name {Readable.Text(Name)}, description {Readable.Text(Description)}";
}
