using System.Collections.Frozen;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Domain.Events;

namespace ImageRules.Relational;

/// <summary>
/// The <c>outbox</c> table's rows (see <see cref="Schema"/>): a saved event's id, its type's name, the event as JSON and
/// when it occurred. The JSON is written and read by source-generated code (<see cref="EventJson"/>), so trimming
/// and AOT keep it whole; ids are their text, enumerations their names, so stored events survive reordering.
/// </summary>
internal static class EventRows
{
    /// <summary>The columns a read of pending events selects, in the order <see cref="Read"/> expects.</summary>
    public const string Columns = "id, event_type, payload";

    /// <summary>Adds a pending event in the change's transaction.</summary>
    public const string Insert =
        "INSERT INTO outbox (id, event_type, payload, occurred_utc_ticks, occurred_offset_minutes) VALUES (@id, @event_type, @payload, @occurred_utc_ticks, @occurred_offset_minutes)";

    /// <summary>Every event type, by the name stored in <c>event_type</c>.</summary>
    private static readonly FrozenDictionary<string, JsonTypeInfo> Types = new JsonTypeInfo[]
    {
        EventJson.Default.ImageCreated, EventJson.Default.ImageImported, EventJson.Default.ImageCopied,
        EventJson.Default.ImagePublished, EventJson.Default.ImageModified, EventJson.Default.ImageCompleted,
        EventJson.Default.ImageDeleted, EventJson.Default.ImageShared, EventJson.Default.ImageSharingCancelled,
    }.ToFrozenDictionary(t => t.Type.Name, StringComparer.Ordinal);

    /// <summary>Binds the parameters of <see cref="Insert"/>.</summary>
    /// <exception cref="InvalidOperationException">The event is of a type no store knows.</exception>
    public static DbCommand WithEvent(this DbCommand command, SavedImageEvent saved)
    {
        var type = saved.Event.GetType().Name;
        var info = Types.GetValueOrDefault(type) ?? throw new InvalidOperationException($"catalogue change refused: event type `{type}` cannot be stored");
        return command.With("id", saved.Id).With("event_type", type).With("payload", JsonSerializer.Serialize(saved.Event, info))
            .WithInstant("occurred", saved.Event.OccurredAt);
    }

    /// <summary>Reads a row of <see cref="Columns"/>.</summary>
    public static SavedImageEvent Read(DbDataReader row)
    {
        var type = row.GetString(1);
        var info = Types.GetValueOrDefault(type) ?? throw new InvalidOperationException($"the outbox holds an event of unknown type `{type}`");
        var read = JsonSerializer.Deserialize(row.GetString(2), info) as IImageEvent
            ?? throw new InvalidOperationException($"the outbox holds an empty `{type}` event");
        return new SavedImageEvent(row.GetString(0), read);
    }
}

/// <summary>The source-generated JSON of every event type: the outbox's payload.</summary>
[JsonSourceGenerationOptions(
    UseStringEnumConverter = true,
    Converters = [typeof(TextConverter<ImageId>), typeof(TextConverter<AccountId>), typeof(TextConverter<RegionId>), typeof(TextConverter<InstanceId>)])]
[JsonSerializable(typeof(ImageCreated))]
[JsonSerializable(typeof(ImageImported))]
[JsonSerializable(typeof(ImageCopied))]
[JsonSerializable(typeof(ImagePublished))]
[JsonSerializable(typeof(ImageModified))]
[JsonSerializable(typeof(ImageCompleted))]
[JsonSerializable(typeof(ImageDeleted))]
[JsonSerializable(typeof(ImageShared))]
[JsonSerializable(typeof(ImageSharingCancelled))]
internal sealed partial class EventJson : JsonSerializerContext;

/// <summary>An id as its text in JSON, parsed back as the id type parses it.</summary>
internal sealed class TextConverter<T> : JsonConverter<T>
    where T : struct, ISpanParsable<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        T.Parse(reader.GetString() ?? throw new JsonException($"a {typeof(T).Name} is null"), CultureInfo.InvariantCulture);

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
