using System.Data.Common;
using ImageRules.Storage;

namespace ImageRules.Relational;

public abstract partial class RelationalDatabase
{
    /// <summary>
    /// One unit of the stores' work: a connection opened over a current schema, <paramref name="work"/> on it, and its
    /// failures classified. A transient failure becomes <see cref="ImageStoreUnavailableException"/> (nothing written,
    /// unless the work itself says the outcome is unknown); any other database error first has the schema version read
    /// again (see <see cref="ThrowIfSchemaMovedAsync"/>), then is thrown as it is.
    /// </summary>
    /// <remarks>
    /// Every entry point of the stores goes through here, so a new one is classified (and traced) alike by going
    /// through it too. Traced as one span named <paramref name="operation"/> (see <see cref="StoreSpans"/>).
    /// </remarks>
    private async ValueTask<T> RoundTripAsync<T>(string operation, Func<DbConnection, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        using var span = StoreSpans.Start(DatabaseSystem, operation);
        try
        {
            var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                return await work(connection).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (StoreSpans.Failed(span, exception))
        {
            throw; // never reached: the filter only records the failure on the span
        }
        catch (DbException exception) when (!cancellationToken.IsCancellationRequested && IsTransient(exception))
        {
            throw Unavailable(exception, outcomeUnknown: false);
        }
        catch (DbException exception) when (!cancellationToken.IsCancellationRequested)
        {
            await ThrowIfSchemaMovedAsync(exception, cancellationToken).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The write of <see cref="TryWriteAsync"/> over an open connection.</summary>
    private async ValueTask<bool> WriteAsync(DbConnection connection, Func<DbTransaction, CancellationToken, ValueTask<bool>> write, CancellationToken cancellationToken)
    {
        using var turn = await AwaitWriteTurnAsync(cancellationToken).ConfigureAwait(false);
        var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            try
            {
                if (!await write(transaction, cancellationToken).ConfigureAwait(false))
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    return false;
                }

                await CommitAsync(transaction).ConfigureAwait(false);
                return true;
            }
            catch (DbException exception) when (IsConflict(exception))
            {
                // Disposing the transaction rolls back whatever is left of it.
                return false;
            }
        }
    }

    /// <summary>
    /// Commits <paramref name="transaction"/>. Not cancellable: a commit cancelled after it was sent might have
    /// landed or not, and the caller could not tell. A transient failure now leaves the outcome unknown (the
    /// database may have committed before the connection failed), so it is never answered as "nothing written". A
    /// conflict reported at commit is a definite rollback.
    /// </summary>
    private async ValueTask CommitAsync(DbTransaction transaction)
    {
        try
        {
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (DbException exception) when (!IsConflict(exception) && IsTransient(exception))
        {
            throw Unavailable(exception, outcomeUnknown: true);
        }
    }

    /// <summary>True when <paramref name="exception"/> is a transient failure of this engine (see <see cref="IsTransient"/>).</summary>
    internal bool IsTransientFailure(Exception exception) => exception is DbException database && IsTransient(database);

    private static ImageStoreUnavailableException Unavailable(DbException cause, bool outcomeUnknown) =>
        new(
            outcomeUnknown
                ? $"the ImageRules database failed while committing a change, which may or may not have been saved: {cause.Message}"
                : $"the ImageRules database is unavailable, nothing was written: {cause.Message}",
            cause,
            outcomeUnknown);
}
