using System.Collections.Immutable;
using ImageRules.Domain;

namespace ImageRules.Persistence;

/// <summary>
/// Reads share grants. Grants are written with their image's catalogue through
/// <see cref="IImageRepository.TryCommitAsync"/>, so one store implements both interfaces (see its remarks).
/// </summary>
/// <remarks>Implementations must be thread-safe; each query costs in proportion to its answer.</remarks>
public interface IShareGrantRepository
{
    /// <summary>The grant of <paramref name="imageId"/> to <paramref name="recipient"/>, or null.</summary>
    ValueTask<ShareGrant?> FindAsync(ImageId imageId, AccountId recipient, CancellationToken cancellationToken = default);

    /// <summary>Every grant of the image.</summary>
    ValueTask<ImmutableArray<ShareGrant>> ListForImageAsync(ImageId imageId, CancellationToken cancellationToken = default);

    /// <summary>Every grant <paramref name="recipient"/> holds in <paramref name="region"/>.</summary>
    ValueTask<ImmutableArray<ShareGrant>> ListHeldAsync(AccountId recipient, RegionId region, CancellationToken cancellationToken = default);
}
