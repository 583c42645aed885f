using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Persistence;
using ImageRules.Policy;
using ImageRules.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ImageRules.Tests.Properties;

/// <summary>
/// A fresh <see cref="ImageService"/> holding one <see cref="World"/>, over in-memory stores, with sequential ids and
/// a fake clock, so every run of a script is deterministic. The in-memory stores answer synchronously, so the
/// properties call the service synchronously through <see cref="Sync{T}"/>.
/// </summary>
public sealed class ServiceUnderTest
{
    private ServiceUnderTest(World world, ImageRulesOptions options)
    {
        World = world;
        Service = new ImageService(new ImagePolicy(options), Store, Store, new InMemoryAccountRepository(), new InMemoryRegionRepository(), new SequentialImageIds(), Clock);
    }

    /// <summary>The world the service started from.</summary>
    public World World { get; }

    /// <summary>The image and grant store behind the service.</summary>
    public InMemoryImageStore Store { get; } = new();

    /// <summary>The service's clock.</summary>
    public FakeTimeProvider Clock { get; } = new(Support.Sample.Now);

    /// <summary>The service.</summary>
    public ImageService Service { get; }

    /// <summary>A service holding <paramref name="world"/> under <paramref name="options"/>.</summary>
    public static ServiceUnderTest Start(World world, ImageRulesOptions options)
    {
        ArgumentNullException.ThrowIfNull(world);
        var started = new ServiceUnderTest(world, options);
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

    /// <summary>The result of a call that the in-memory stores complete synchronously.</summary>
    public static T Sync<T>(ValueTask<T> pending) =>
        pending.IsCompleted ? pending.Result : throw new InvalidOperationException("the in-memory service was expected to answer synchronously");

    /// <summary>Completes a call that the in-memory stores complete synchronously.</summary>
    public static void Sync(ValueTask pending)
    {
        if (!pending.IsCompleted)
        {
            throw new InvalidOperationException("the in-memory service was expected to answer synchronously");
        }

        pending.GetAwaiter().GetResult();
    }

    /// <summary>The image with <paramref name="id"/>, or null.</summary>
    public Image? Find(ImageId id) => Sync(Store.FindAsync(id));

    /// <summary>Every grant of <paramref name="id"/>.</summary>
    public ImmutableArray<ShareGrant> GrantsOf(ImageId id) => Sync(Store.ListForImageAsync(id));

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
                var catalogue = Sync(Store.GetCatalogueAsync(new CatalogueKey(account.Id, region.Id)));
                snapshot.AppendLine(CultureInfo.InvariantCulture, $"{catalogue.Key} v{catalogue.Version}: {string.Join(", ", catalogue.Images.Select(i => i.Id))}");
            }
        }

        return snapshot.ToString();
    }
}
