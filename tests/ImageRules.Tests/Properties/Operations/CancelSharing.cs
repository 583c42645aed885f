using System.Collections.Immutable;
using ImageRules.Domain;
using Requests = ImageRules.Policy;

namespace ImageRules.Tests.Properties;

/// <summary>An account cancels sharing of an image with a list of accounts, all or nothing (R24, R25).</summary>
/// <param name="Caller">The account.</param>
/// <param name="Where">The region addressed.</param>
/// <param name="Image">The image.</param>
/// <param name="Recipients">The accounts whose grants to cancel.</param>
public sealed record CancelSharing(Who Caller, Where Where, ImageRef Image, ImmutableArray<AccountId> Recipients) : Operation
{
    /// <inheritdoc/>
    public override Outcome RunOn(ServiceUnderTest service, Bindings bindings)
    {
        ArgumentNullException.ThrowIfNull(service);
        var (caller, id, region) = Resolve(bindings, Caller, Image, Where);
        var result = ServiceUnderTest.Sync(service.Service.CancelSharingAsync(new Requests.CancelSharing(caller, region, id, Recipients)));
        return Outcome.Of(result, c => Outcome.Grants("cancelled", c.Grants));
    }

    /// <inheritdoc/>
    public override Outcome RunOn(ReferenceModel model, Bindings bindings)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (caller, id, region) = Resolve(bindings, Caller, Image, Where);
        return model.CancelSharing(caller, region, id, Recipients);
    }

    /// <inheritdoc/>
    public override string Resolved(Bindings bindings) => Show(bindings, Caller, Image, Where);

    /// <inheritdoc/>
    public override string ToString() => $"{Caller} cancels sharing {Image} {Where} with {List(Recipients)}";
}
