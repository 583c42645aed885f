using System.Data.Common;
using ImageRules.Domain;

namespace ImageRules.Relational;

/// <summary>How an <see cref="Image"/> is written to and read from a row of the <c>images</c> table.</summary>
internal static class ImageRows
{
    /// <summary>How many columns <see cref="Names"/> lists.</summary>
    public const int Count = 16;

    /// <summary>The columns, in the order <see cref="Read"/> expects.</summary>
    public const string Names =
        "id, owner, region, name, description, os_family, os_platform, os_name, architecture, " +
        "size_gib, state, source, source_instance, copied_from, created_utc_ticks, created_offset_minutes";

    /// <summary><see cref="Names"/> qualified by the alias <c>i</c>.</summary>
    public static readonly string Columns = "i." + Names.Replace(", ", ", i.", StringComparison.Ordinal);

    /// <summary>The columns' parameters, in <see cref="Columns"/>' order, for an INSERT's VALUES.</summary>
    public const string Parameters =
        "@id, @owner, @region, @name, @description, @os_family, @os_platform, @os_name, @architecture, " +
        "@size_gib, @state, @source, @source_instance, @copied_from, @created_utc_ticks, @created_offset_minutes";

    /// <summary>Every column but the key, set from its parameter, for an UPDATE.</summary>
    public const string Assignments =
        "name = @name, description = @description, os_family = @os_family, os_platform = @os_platform, os_name = @os_name, " +
        "architecture = @architecture, size_gib = @size_gib, state = @state, source = @source, source_instance = @source_instance, " +
        "copied_from = @copied_from, created_utc_ticks = @created_utc_ticks, created_offset_minutes = @created_offset_minutes";

    /// <summary>The stored owner of an image or catalogue: the account id, or <see cref="Schema.PublicOwner"/>.</summary>
    public static string Owner(AccountId? owner) => owner?.Value ?? Schema.PublicOwner;

    /// <summary>Binds every column of <paramref name="image"/> to <see cref="Parameters"/>.</summary>
    /// <exception cref="ArgumentException">A text the database cannot keep exactly (see <see cref="StoredText"/>).</exception>
    public static DbCommand WithImage(this DbCommand command, Image image) => command
        .With("id", image.Id.Value)
        .With("owner", Owner(image.Owner))
        .With("region", image.Region.Value)
        .With("name", StoredText.Exact(image.Name, "image name"))
        .With("description", StoredText.Exact(image.Description, "image description"))
        .With("os_family", image.OperatingSystem.Family.ToString())
        .With("os_platform", StoredText.Exact(image.OperatingSystem.Platform, "operating-system platform"))
        .With("os_name", StoredText.Exact(image.OperatingSystem.Name, "operating-system name"))
        .With("architecture", image.Architecture.ToString())
        .With("size_gib", image.SizeGiB)
        .With("state", image.State.ToString())
        .With("source", image.Source.ToString())
        .With("source_instance", image.SourceInstance?.Value)
        .With("copied_from", image.CopiedFrom?.Value)
        .WithInstant("created", image.CreatedAt);

    /// <summary>Reads the image whose <see cref="Columns"/> start at <paramref name="first"/>.</summary>
    public static Image Read(DbDataReader row, int first = 0)
    {
        var owner = row.GetString(first + 1);
        return new Image
        {
            Id = new ImageId(row.GetString(first)),
            Owner = owner == Schema.PublicOwner ? null : new AccountId(owner),
            Region = new RegionId(row.GetString(first + 2)),
            Name = row.GetString(first + 3),
            Description = row.GetString(first + 4),
            OperatingSystem = new ImageOperatingSystem(
                Enum.Parse<OsFamily>(row.GetString(first + 5)),
                row.GetString(first + 6),
                row.GetString(first + 7)),
            Architecture = Enum.Parse<Architecture>(row.GetString(first + 8)),
            SizeGiB = row.GetInt32(first + 9),
            State = Enum.Parse<ImageState>(row.GetString(first + 10)),
            Source = Enum.Parse<ImageSource>(row.GetString(first + 11)),
            SourceInstance = row.IsDBNull(first + 12) ? null : new InstanceId(row.GetString(first + 12)),
            CopiedFrom = row.IsDBNull(first + 13) ? null : new ImageId(row.GetString(first + 13)),
            CreatedAt = StoredInstant.Read(row, first + 14),
        };
    }
}
