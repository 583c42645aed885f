using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Persistence;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Application;

/// <summary>Further services over a <see cref="TestWorld"/>'s stores, clock and ids, for tests that need observers or a contended store.</summary>
internal static class TestWorldServices
{
    /// <summary>A service over the world's stores that tells <paramref name="observers"/> of every saved change.</summary>
    public static ImageService ObservedBy(this TestWorld world, params IImageEventObserver[] observers) =>
        new(world.Service.Policy, world.Store, world.Store, world.Accounts, world.Regions, world.Ids, world.Clock, observers);

    /// <summary>A service whose image and grant store is <paramref name="store"/> (over the world's store), telling <paramref name="observers"/>.</summary>
    public static ImageService Over<TStore>(this TestWorld world, TStore store, params IImageEventObserver[] observers)
        where TStore : IImageRepository, IShareGrantRepository =>
        new(world.Service.Policy, store, store, world.Accounts, world.Regions, world.Ids, world.Clock, observers);

    /// <summary>The grant of <paramref name="imageId"/> to <paramref name="recipient"/> in the world's store, or null.</summary>
    public static ValueTask<ShareGrant?> GrantAsync(this TestWorld world, ImageId imageId, AccountId recipient) =>
        ((IShareGrantRepository)world.Store).FindAsync(imageId, recipient);
}
