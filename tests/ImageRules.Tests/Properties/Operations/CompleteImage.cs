namespace ImageRules.Tests.Properties;

/// <summary>The platform reports whether making an image worked (R10, R14, R18).</summary>
/// <param name="Image">The image.</param>
/// <param name="Succeeded">True when it worked.</param>
public sealed record CompleteImage(ImageRef Image, bool Succeeded) : Operation
{
    /// <inheritdoc/>
    public override Outcome RunOn(ServiceUnderTest service, Bindings bindings)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(bindings);
        var result = ServiceUnderTest.Sync(service.Service.CompleteImageAsync(bindings.Resolve(Image), Succeeded));
        return Outcome.Of(result, c => Outcome.Completed(c.Image.Id, c.Image.State));
    }

    /// <inheritdoc/>
    public override Outcome RunOn(ReferenceModel model, Bindings bindings)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(bindings);
        return model.Complete(bindings.Resolve(Image), Succeeded);
    }

    /// <inheritdoc/>
    public override string Resolved(Bindings bindings)
    {
        ArgumentNullException.ThrowIfNull(bindings);
        return $"on {bindings.Resolve(Image)}";
    }

    /// <inheritdoc/>
    public override string ToString() => $"platform reports {Image} {(Succeeded ? "made" : "failed")}";
}
