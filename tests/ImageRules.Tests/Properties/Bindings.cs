using ImageRules.Domain;

namespace ImageRules.Tests.Properties;

/// <summary>
/// Turns a script's names for images and regions into the ids of one run: "newest-n" into the id the service gave
/// an image made, "its region" into the region the image lives (or lived) in.
/// </summary>
public sealed class Bindings
{
    private readonly List<ImageId> made = [];
    private readonly Dictionary<ImageId, RegionId> regions = [];
    private readonly Dictionary<ImageId, AccountId> owners = [];
    private readonly RegionId fallbackRegion;
    private readonly AccountId fallbackOwner;

    /// <summary>Starts with the images of <paramref name="world"/>.</summary>
    public Bindings(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        fallbackRegion = world.Regions[0].Id;
        fallbackOwner = world.Accounts[0].Id;
        foreach (var image in world.Images)
        {
            regions[image.Id] = image.Region;
            if (image.Owner is { } owner)
            {
                owners[image.Id] = owner;
                made.Add(image.Id);
            }
        }
    }

    /// <summary>Every image id the run has known, made or not, deleted or not, in the order first known.</summary>
    public IReadOnlyCollection<ImageId> KnownImages => regions.Keys;

    /// <summary>
    /// The id <paramref name="image"/> names now: the world's custom images count as made before the script started;
    /// <see cref="ImageRef.NeverMade"/> while there are none.
    /// </summary>
    public ImageId Resolve(ImageRef image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return image.Fixed ?? (made.Count == 0 ? ImageRef.NeverMade : made[made.Count - 1 - (image.Newest % made.Count)]);
    }

    /// <summary>The region <paramref name="where"/> names for <paramref name="image"/>.</summary>
    public RegionId Resolve(Where where, ImageId image)
    {
        ArgumentNullException.ThrowIfNull(where);
        return where.Region ?? RegionOf(image);
    }

    /// <summary>The account <paramref name="who"/> names for <paramref name="image"/>.</summary>
    public AccountId Resolve(Who who, ImageId image)
    {
        ArgumentNullException.ThrowIfNull(who);
        return who.Account ?? owners.GetValueOrDefault(image, fallbackOwner);
    }

    /// <summary>The region <paramref name="image"/> lives or lived in; the world's first region for an image never known.</summary>
    public RegionId RegionOf(ImageId image) => regions.GetValueOrDefault(image, fallbackRegion);

    /// <summary>Records the image a successful operation made.</summary>
    public void Record(Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome is { NewImage: { } id, NewImageOwner: { } owner, NewImageRegion: { } region })
        {
            made.Add(id);
            owners[id] = owner;
            regions[id] = region;
        }
    }
}
