using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Storage;
using ImageRules.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ImageRules.Tests.Properties;

/// <summary>
/// A fresh <see cref="ImageService"/> holding one <see cref="World"/>, over an in-memory store, with sequential ids
/// and a fake clock, so every run of a script is deterministic. The in-memory store answers synchronously, so the
/// properties call the service synchronously through <see cref="Sync{T}"/>, and read the store through its
/// <see cref="IImageStore"/> seam (and the in-memory store's image count).
/// </summary>
public sealed class ServiceUnderTest
{
    private ServiceUnderTest(World world, ImagePolicy policy)
    {
        World = world;
        Service = new ImageService(policy, Store, new SequentialImageIds(), Clock);
    }

    /// <summary>The world the service started from.</summary>
    public World World { get; }

    /// <summary>The store behind the service.</summary>
    public InMemoryImageStore Store { get; } = new();

    /// <summary>The service's clock.</summary>
    public FakeTimeProvider Clock { get; } = new(Sample.Now);

    /// <summary>The service.</summary>
    public ImageService Service { get; }

    /// <summary>A service holding <paramref name="world"/> under <paramref name="profile"/>.</summary>
    public static ServiceUnderTest Start(World world, Profile profile) => Start(world, profile.Policy());

    /// <summary>A service holding <paramref name="world"/> under <paramref name="policy"/>.</summary>
    public static ServiceUnderTest Start(World world, ImagePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(world);
        var started = new ServiceUnderTest(world, policy);
        foreach (var region in world.Regions)
        {
            Sync(started.Service.SaveRegionAsync(region));
        }

        foreach (var account in world.Accounts)
        {
            Sync(started.Service.SaveAccountAsync(account));
        }

        foreach (var image in world.Images.Where(i => i.IsPublic))
        {
            Sync(started.Service.PublishPublicImageAsync(image));
        }

        foreach (var catalogue in world.Images.Where(i => !i.IsPublic).GroupBy(CatalogueKey.Of))
        {
            var ids = catalogue.Select(i => i.Id).ToHashSet();
            var change = new CatalogueChange
            {
                Key = catalogue.Key,
                ExpectedVersion = 0,
                Added = [.. catalogue],
                GrantsAdded = [.. world.Grants.Where(g => ids.Contains(g.ImageId))],
            };
            if (!Sync(started.Store.TryCommitAsync(change)))
            {
                throw new InvalidOperationException($"the world's images of {catalogue.Key} could not be stored");
            }
        }

        return started;
    }

    /// <summary>The result of a call that the in-memory store completes synchronously.</summary>
    public static T Sync<T>(ValueTask<T> pending) =>
        pending.IsCompleted ? pending.Result : throw new InvalidOperationException("the in-memory service was expected to answer synchronously");

    /// <summary>Completes a call that the in-memory store completes synchronously.</summary>
    public static void Sync(ValueTask pending)
    {
        if (!pending.IsCompleted)
        {
            throw new InvalidOperationException("the in-memory service was expected to answer synchronously");
        }

        pending.GetAwaiter().GetResult();
    }

    /// <summary>The image with <paramref name="id"/> as stored, or null.</summary>
    public Image? Find(ImageId id) => Sync(Store.FindImageAsync(id));

    /// <summary>Every grant of image <paramref name="id"/> as stored (none for an image that is gone).</summary>
    public ImmutableArray<ShareGrant> GrantsOf(ImageId id) => Facts(new FactsQuery(World.Accounts[0].Id, World.Regions[0].Id) { Image = id, AllGrants = true }).Grants;

    /// <summary>The images of <paramref name="account"/> in <paramref name="region"/> as stored, and the catalogue's version.</summary>
    public (ImmutableArray<Image> Images, long Version) CatalogueOf(AccountId account, RegionId region)
    {
        var facts = Facts(new FactsQuery(account, region) { Catalogue = new CatalogueKey(account, region) });
        return (facts.Catalogue, facts.Version);
    }

    /// <summary>
    /// The images shared with <paramref name="account"/> that the store lists in <paramref name="region"/>, as its
    /// own query (not the service) reads its grants.
    /// </summary>
    public ImmutableArray<VisibleImage> HeldBy(AccountId account, RegionId region) =>
        Sync(Store.QueryVisibleAsync(account, region, new ImageFilter { Kind = ImageKind.Shared }, PageRequest.Create(0, PageRequest.MaxLimit).Value)).Items;

    /// <summary>
    /// Everything stored about <paramref name="images"/> and about every catalogue of the world's accounts and
    /// regions, as text: two equal snapshots mean nothing was stored in between.
    /// </summary>
    public string Snapshot(IEnumerable<ImageId> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var snapshot = new StringBuilder();
        snapshot.AppendLine(CultureInfo.InvariantCulture, $"{Store.ImageCount} images");
        foreach (var id in images)
        {
            snapshot.AppendLine(CultureInfo.InvariantCulture, $"{id}: {Find(id)}; grants {string.Join(", ", GrantsOf(id).OrderBy(g => g.Recipient.Value, StringComparer.Ordinal))}");
        }

        foreach (var account in World.Accounts)
        {
            foreach (var region in World.Regions)
            {
                var (catalogue, version) = CatalogueOf(account.Id, region.Id);
                var held = HeldBy(account.Id, region.Id);
                snapshot.AppendLine(CultureInfo.InvariantCulture, $"{account.Id} in {region.Id} v{version}: {string.Join(", ", catalogue.Select(i => i.Id))}; holds {string.Join(", ", held.Select(v => v.Image.Id))}");
            }
        }

        return snapshot.ToString();
    }

    private ImageFacts Facts(FactsQuery query) => Sync(Store.LoadFactsAsync(query));
}
