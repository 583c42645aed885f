using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Storage;
using ImageRules.Tests.Support;
using Microsoft.Extensions.Logging;

namespace ImageRules.Tests.Application;

/// <summary>Further services over a <see cref="TestWorld"/>'s store, clock and ids, for tests that need observers, a logger or a watched store.</summary>
internal static class TestWorldServices
{
    /// <summary>A service over the world's store that tells <paramref name="observers"/> of every saved change.</summary>
    public static ImageService ObservedBy(this TestWorld world, params IImageEventObserver[] observers) =>
        world.Over(world.Store, observers);

    /// <summary>A service whose store is <paramref name="store"/> (over the world's store), telling <paramref name="observers"/>.</summary>
    public static ImageService Over(this TestWorld world, IImageStore store, params IImageEventObserver[] observers) =>
        new(world.Service.Policy, store, world.Ids, world.Clock, observers);

    /// <summary>A service over the world's store that tells <paramref name="observers"/> and logs to <paramref name="logger"/>.</summary>
    public static ImageService LoggingTo(this TestWorld world, ILogger<ImageService> logger, params IImageEventObserver[] observers) =>
        new(world.Service.Policy, world.Store, world.Ids, world.Clock, observers, logger);

    /// <summary>The grant of <paramref name="imageId"/> to <paramref name="recipient"/> in the world's store, or null.</summary>
    public static Task<ShareGrant?> GrantAsync(this TestWorld world, ImageId imageId, AccountId recipient) =>
        world.Store.GrantAsync(imageId, recipient);
}
