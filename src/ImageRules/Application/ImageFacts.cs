using System.Collections.Immutable;
using ImageRules.Domain;
using ImageRules.Persistence;

namespace ImageRules.Application;

/// <summary>What the service loads for a decision about one existing image, read within one catalogue version.</summary>
/// <param name="Caller">The calling account.</param>
/// <param name="Image">The image, as of <see cref="Catalogue"/>.</param>
/// <param name="CallerGrant">The caller's grant for the image, if any.</param>
/// <param name="ImageGrants">Every grant of the image.</param>
/// <param name="Catalogue">The image's catalogue.</param>
/// <param name="Now">The current time.</param>
internal sealed record ImageFacts(
    Account Caller,
    Image Image,
    ShareGrant? CallerGrant,
    ImmutableArray<ShareGrant> ImageGrants,
    ImageCatalogue Catalogue,
    DateTimeOffset Now);
