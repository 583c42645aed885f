using ImageRules.Policy;

namespace ImageRules.Storage.Tests.Support;

/// <summary>
/// The rules' invariants, checked on the database's rows directly (not through the store), after racing or crashing
/// writers: no catalogue over the quota (R11), no image over the share limit (R21), no grant on a missing image
/// (R16) or outside its image's catalogue (R22), and no catalogue whose version is behind its writes.
/// </summary>
public static class StoredInvariants
{
    public static async Task AssertHoldAsync(TestDatabase database, ImagePolicy policy)
    {
        Assert.Equal(0, await database.ScalarAsync(
            $"SELECT COUNT(*) FROM (SELECT owner, region FROM images WHERE owner <> '' GROUP BY owner, region HAVING COUNT(*) > {policy.MaxCustomImagesPerRegion}) over_quota"));
        Assert.Equal(0, await database.ScalarAsync(
            $"SELECT COUNT(*) FROM (SELECT image_id FROM grants GROUP BY image_id HAVING COUNT(*) > {policy.MaxShareRecipientsPerImage}) over_limit"));
        Assert.Equal(0, await database.ScalarAsync("SELECT COUNT(*) FROM grants g WHERE NOT EXISTS (SELECT 1 FROM images i WHERE i.id = g.image_id)"));
        Assert.Equal(0, await database.ScalarAsync("SELECT COUNT(*) FROM grants g JOIN images i ON i.id = g.image_id WHERE g.owner <> i.owner OR g.region <> i.region"));
        Assert.Equal(0, await database.ScalarAsync("SELECT COUNT(*) FROM images i WHERE NOT EXISTS (SELECT 1 FROM catalogues c WHERE c.owner = i.owner AND c.region = i.region)"));
        Assert.Equal(0, await database.ScalarAsync(
            "SELECT COUNT(*) FROM catalogues c WHERE c.version < (SELECT COUNT(*) FROM images i WHERE i.owner = c.owner AND i.region = c.region)"));
    }
}
