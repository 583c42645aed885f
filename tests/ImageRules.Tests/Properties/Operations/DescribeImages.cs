using ImageRules.Domain;
using ImageRules.Policy;
using Requests = ImageRules.Policy;

namespace ImageRules.Tests.Properties;

/// <summary>An account lists the images it sees in a region (R2–R5).</summary>
/// <param name="Caller">The account.</param>
/// <param name="Region">The region.</param>
/// <param name="Kind">Only images of this kind, or all.</param>
/// <param name="Offset">The page's offset, or the default.</param>
/// <param name="Limit">The page's size, or the default.</param>
/// <param name="Only">Only this image (the listing by ids), or all.</param>
public sealed record DescribeImages(AccountId Caller, RegionId Region, ImageKind? Kind = null, int? Offset = null, int? Limit = null, ImageRef? Only = null) : Operation
{
    /// <inheritdoc/>
    public override bool IsRead => true;

    /// <inheritdoc/>
    public override Outcome RunOn(ServiceUnderTest service, Bindings bindings)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(bindings);
        var filter = Kind is null && Only is null ? null : new ImageFilter { Kind = Kind, ImageIds = Only is null ? null : [bindings.Resolve(Only)] };
        var result = ServiceUnderTest.Sync(service.Service.DescribeImagesAsync(new Requests.DescribeImages(Caller, Region, filter, Offset, Limit)));
        return Outcome.Of(result, page => Outcome.Listing(
            page.Items.Select(v => Outcome.Listed(v.Image.Id, v.Kind, v.Image.Owner, v.Image.State, v.Image.Name, v.Image.Description, v.Image.OperatingSystem.Family, v.Image.Architecture, v.Image.SizeGiB)),
            page.TotalCount));
    }

    /// <inheritdoc/>
    public override Outcome RunOn(ReferenceModel model, Bindings bindings)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(bindings);
        return model.Describe(Caller, Region, Kind, Offset, Limit, Only is null ? null : bindings.Resolve(Only));
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Caller} describes {(Kind is { } kind ? kind + " images" : "images")}{(Only is null ? string.Empty : " among [" + Only + "]")} in {Region}"
        + (Offset is { } offset ? $", offset {offset}" : string.Empty)
        + (Limit is { } limit ? $", limit {limit}" : string.Empty);
}
