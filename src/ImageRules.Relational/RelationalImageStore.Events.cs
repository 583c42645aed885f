using Ardalis.GuardClauses;
using ImageRules.Application;
using ImageRules.Domain.Events;

namespace ImageRules.Relational;

public sealed partial class RelationalImageStore
{
    /// <inheritdoc/>
    /// <remarks>One statement over the <c>outbox</c> table, read oldest first from its index; traced as <c>read_pending_events</c>.</remarks>
    public async ValueTask<IReadOnlyList<SavedImageEvent>> ReadPendingEventsAsync(DateTimeOffset occurredBy, int limit, CancellationToken cancellationToken = default)
    {
        Guard.Against.NegativeOrZero(limit);
        return await database.QueryAsync(
            "read_pending_events",
            $"SELECT {EventRows.Columns} FROM outbox WHERE occurred_utc_ticks <= @by ORDER BY occurred_utc_ticks, id LIMIT @limit",
            c => c.With("by", occurredBy.UtcTicks).With("limit", limit),
            EventRows.Read,
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Deletes the event's row; traced as <c>mark_event_delivered</c>. Committed without waiting for the disk where the
    /// engine allows it safely (SQLite: see <see cref="RelationalDatabase.UnsyncedCommitSetting"/>): a mark lost in a
    /// crash only has the event delivered again, which at-least-once delivery allows.
    /// </remarks>
    public ValueTask MarkEventDeliveredAsync(string id, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(id);
        return database.ExecuteUnsyncedAsync("mark_event_delivered", "DELETE FROM outbox WHERE id = @id", c => c.With("id", id), cancellationToken);
    }
}
