using ImageRules.Diagnostics;
using ImageRules.Storage;

namespace ImageRules.Application;

public sealed partial class ImageService
{
    /// <summary>
    /// How many times a store call is made while the store answers <see cref="ImageStoreUnavailableException"/> (a
    /// transient failure that wrote nothing) before that exception reaches the caller: 5, with pauses of about 0.1,
    /// 0.2, 0.4 and 0.8 s between them (each jittered down by up to half), so about a second in all.
    /// </summary>
    public const int MaxTransientAttempts = 5;

    /// <summary>The pause before the second attempt; it doubles for each further one.</summary>
    private static readonly TimeSpan FirstTransientPause = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Makes one store call, again after a jittered, doubling pause each time the store reports a transient failure
    /// that wrote nothing, at most <see cref="MaxTransientAttempts"/> times. Each retry is counted
    /// (<c>imagerules.store.transient_errors</c>) and logged (event 3, Warning). A failure whose outcome is unknown
    /// (<see cref="ImageStoreUnavailableException.OutcomeUnknown"/>) is never retried: the write may have landed.
    /// </summary>
    /// <remarks>
    /// The call is a static lambda over <paramref name="argument"/>, so a call that completes at once allocates
    /// nothing. A cancelled caller is answered <see cref="OperationCanceledException"/> rather than retried.
    /// </remarks>
    private async ValueTask<T> InStoreAsync<TArgument, T>(TArgument argument, Func<IImageStore, TArgument, CancellationToken, ValueTask<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(store, argument, cancellationToken).ConfigureAwait(false);
            }
            catch (ImageStoreUnavailableException exception) when (!exception.OutcomeUnknown && attempt < MaxTransientAttempts)
            {
                telemetry.TransientStoreErrorRetried(storeKind);
                ImageRulesLog.TransientStoreErrorRetried(logger, storeKind, attempt, exception);
                await Task.Delay(TransientPause(attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>As <see cref="InStoreAsync{TArgument, T}"/>, for a store call that answers nothing.</summary>
    private async ValueTask InStoreAsync<TArgument>(TArgument argument, Func<IImageStore, TArgument, CancellationToken, ValueTask> call, CancellationToken cancellationToken) =>
        await InStoreAsync(
            (Argument: argument, Call: call),
            static async (s, a, ct) =>
            {
                await a.Call(s, a.Argument, ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);

    /// <summary>The pause after failed attempt <paramref name="attempt"/>: the doubled base, less a random part of up to half, so that instances failing together do not return together.</summary>
    private static TimeSpan TransientPause(int attempt) =>
        FirstTransientPause * (1 << (attempt - 1)) * (1 - (Random.Shared.NextDouble() / 2));
}
