using ImageRules.Domain;
using ImageRules.Domain.Events;

namespace ImageRules.Storage.Tests.Support;

/// <summary>
/// Checks a <see cref="History"/> against the database's rows, read with plain SQL: every acknowledged write is
/// there and nothing unacknowledged is, and every acknowledged change's event was delivered, by its id.
/// </summary>
/// <remarks>
/// Concurrent calls may take effect in either order, so a value written by several calls is checked as a register:
/// the stored value must be one that some acknowledged write left and no later write (invoked after it was answered)
/// can have replaced. A refused call, <c>ConcurrentModification</c> included, saved nothing, so writes nothing here.
/// </remarks>
public static class AcknowledgedWrites
{
    private const int Shown = 20;

    /// <summary>
    /// Every image whose create, import or copy was acknowledged is stored unless its delete was acknowledged, and then
    /// it is gone; no custom image is stored that no call made; each image was completed at most once, and each stored
    /// one has the state of its acknowledged completion (else the state it was made in) and a name some acknowledged
    /// write can have left; and each grant is stored exactly when the acknowledged shares and cancellations of it can
    /// have left it.
    /// </summary>
    public static async Task AssertStoredAsync(History history, TestDatabase database)
    {
        var rows = (await StoredRows.ReadAsync(database, "SELECT id, owner, region, name, state FROM images WHERE owner <> ''"))
            .ToDictionary(r => new ImageId(r[0]!));
        var grants = (await StoredRows.ReadAsync(database, "SELECT image_id, recipient FROM grants"))
            .Select(r => (new ImageId(r[0]!), new AccountId(r[1]!))).ToHashSet();
        var saved = history.Saved.ToArray();
        var made = saved.Select(s => (s.Entry, Image: Made(s.Saved))).Where(s => s.Image is not null).ToDictionary(s => s.Image!.Id, s => (s.Entry, Image: s.Image!));
        var deleted = saved.Select(s => s.Saved).OfType<ImageDeleted>().Select(e => e.ImageId).ToHashSet();
        var completed = saved.Select(s => s.Saved).OfType<ImageCompleted>().ToLookup(e => e.ImageId, e => e.Image.State);

        var problems = new List<string>();
        foreach (var (id, (_, image)) in made)
        {
            var stored = rows.GetValueOrDefault(id);
            if (deleted.Contains(id) != (stored is null))
            {
                problems.Add(deleted.Contains(id) ? $"`{id}` was deleted (acknowledged) but is stored" : $"`{id}` was made (acknowledged) but is not stored");
            }
            else if (stored is not null)
            {
                problems.AddRange(CheckImage(stored, image, completed[id].LastOrDefault(image.State), NamesWritten(saved, made[id])));
            }

            if (completed[id].Count() > 1)
            {
                problems.Add($"`{id}` was completed {completed[id].Count()} times (acknowledged): a platform transition happens once");
            }
        }

        problems.AddRange(rows.Keys.Where(id => !made.ContainsKey(id)).Select(id => $"`{id}` is stored but no call made it"));
        problems.AddRange(CheckGrants(saved, grants));
        Assert.True(problems.Count == 0, $"{problems.Count} acknowledged writes disagree with the rows:{Environment.NewLine}{string.Join(Environment.NewLine, problems.Take(Shown))}");
    }

    /// <summary>
    /// Every change acknowledged by any instance reached one of <paramref name="observers"/> (the same observer of
    /// each instance: a redelivery may come through another instance) under one stable id, and nothing else did:
    /// every delivery of an id carries the same event, and the events of the ids delivered, one per id, are the
    /// acknowledged events (compared as multisets of equal events). Deliveries may repeat (at least once).
    /// </summary>
    public static void AssertDeliveredById(History history, IEnumerable<RecordingObserver> observers)
    {
        var byId = observers.SelectMany(o => o.HeardSaved).GroupBy(s => s.Id, StringComparer.Ordinal).ToArray();
        var problems = byId.Where(g => g.Select(s => s.Event).Distinct().Count() > 1)
            .Select(g => $"id `{g.Key}` was delivered with {g.Select(s => s.Event).Distinct().Count()} different events")
            .ToList();
        var acknowledged = Count(history.Saved.Select(s => s.Saved));
        var delivered = Count(byId.Select(g => g.First().Event));
        problems.AddRange(acknowledged.Keys.Union(delivered.Keys)
            .Select(e => (Event: e, Acknowledged: acknowledged.GetValueOrDefault(e), Delivered: delivered.GetValueOrDefault(e)))
            .Where(x => x.Acknowledged != x.Delivered)
            .Select(x => $"{x.Event.GetType().Name} of `{x.Event.ImageId}` acknowledged {x.Acknowledged} time(s), delivered under {x.Delivered} id(s)"));
        Assert.True(problems.Count == 0, $"{problems.Count} events not delivered once by id:{Environment.NewLine}{string.Join(Environment.NewLine, problems.Take(Shown))}");
    }

    private static Image? Made(IImageEvent saved) => saved switch
    {
        ImageCreated e => e.Image,
        ImageImported e => e.Image,
        ImageCopied e => e.Copy,
        _ => null,
    };

    private static IEnumerable<string> CheckImage(string?[] row, Image made, ImageState state, IReadOnlyList<(History.Entry Entry, string Name)> names)
    {
        if (row[1] != made.Owner!.Value.Value || row[2] != made.Region.Value)
        {
            yield return $"`{made.Id}` is stored as {row[1]} in {row[2]}, made for {made.Owner} in {made.Region}";
        }

        if (row[4] != state.ToString())
        {
            yield return $"`{made.Id}` is stored {row[4]}, acknowledged {state}";
        }

        var possible = Final(names, made.Name).ToHashSet(StringComparer.Ordinal);
        if (!possible.Contains(row[3]!))
        {
            yield return $"`{made.Id}` is stored as `{row[3]}`, which no acknowledged write can have left (possible: {string.Join(", ", possible)})";
        }
    }

    private static List<(History.Entry Entry, string Name)> NamesWritten((History.Entry Entry, IImageEvent Saved)[] saved, (History.Entry Entry, Image Image) made) =>
    [
        (made.Entry, made.Image.Name),
        .. saved.Where(s => s.Saved is ImageModified m && m.ImageId == made.Image.Id).Select(s => (s.Entry, ((ImageModified)s.Saved).Image.Name)),
    ];

    private static IEnumerable<string> CheckGrants((History.Entry Entry, IImageEvent Saved)[] saved, HashSet<(ImageId, AccountId)> stored)
    {
        var writes = saved
            .SelectMany(s => s.Saved switch
            {
                ImageShared e => e.Grants.Select(g => (Key: (g.ImageId, g.Recipient), s.Entry, Held: true)),
                ImageSharingCancelled e => e.Grants.Select(g => (Key: (g.ImageId, g.Recipient), s.Entry, Held: false)),
                _ => [],
            })
            .ToLookup(w => w.Key, w => (w.Entry, w.Held));
        foreach (var key in stored.Union(writes.Select(w => w.Key)))
        {
            var possible = Final([.. writes[key]], initial: false).ToHashSet();
            var held = stored.Contains(key);
            if (!possible.Contains(held))
            {
                yield return held
                    ? $"the grant of `{key.Item1}` to {key.Item2} is stored, but the acknowledged calls leave none"
                    : $"the grant of `{key.Item1}` to {key.Item2} was acknowledged but is not stored";
            }
        }
    }

    /// <summary>The values a register can hold after <paramref name="writes"/>: those of writes no other write follows.</summary>
    private static IEnumerable<T> Final<T>(IReadOnlyList<(History.Entry Entry, T Value)> writes, T initial) =>
        writes.Count == 0 ? [initial] : writes.Where(w => !writes.Any(other => w.Entry.Precedes(other.Entry))).Select(w => w.Value);

    private static Dictionary<IImageEvent, int> Count(IEnumerable<IImageEvent> events) =>
        events.GroupBy(e => e).ToDictionary(g => g.Key, g => g.Count());
}
