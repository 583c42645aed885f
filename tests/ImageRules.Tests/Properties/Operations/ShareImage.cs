using System.Collections.Immutable;
using ImageRules.Domain;
using Requests = ImageRules.Policy;

namespace ImageRules.Tests.Properties;

/// <summary>An account shares an image with a list of accounts, all or nothing (R20–R23, R25).</summary>
/// <param name="Caller">The account.</param>
/// <param name="Where">The region addressed.</param>
/// <param name="Image">The image.</param>
/// <param name="Recipients">The accounts to share with, in order, maybe repeated, unknown or empty.</param>
public sealed record ShareImage(Who Caller, Where Where, ImageRef Image, ImmutableArray<AccountId> Recipients) : Operation
{
    /// <inheritdoc/>
    public override Outcome RunOn(ServiceUnderTest service, Bindings bindings)
    {
        ArgumentNullException.ThrowIfNull(service);
        var (caller, id, region) = Resolve(bindings, Caller, Image, Where);
        var result = ServiceUnderTest.Sync(service.Service.ShareImageAsync(new Requests.ShareImage(caller, region, id, Recipients)));
        return Outcome.Of(result, s => Outcome.Grants("granted", s.Grants));
    }

    /// <inheritdoc/>
    public override Outcome RunOn(ReferenceModel model, Bindings bindings)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (caller, id, region) = Resolve(bindings, Caller, Image, Where);
        return model.Share(caller, region, id, Recipients);
    }

    /// <inheritdoc/>
    public override string Resolved(Bindings bindings) => Show(bindings, Caller, Image, Where);

    /// <inheritdoc/>
    public override string ToString() => $"{Caller} shares {Image} {Where} with {List(Recipients)}";
}
