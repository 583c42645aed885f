using ImageRules.Policy;
using ImageRules.Storage.Tests.Support;
using ImageRules.Tests.Support;
using Npgsql;

namespace ImageRules.Storage.Tests.PostgreSql;

/// <summary>
/// Issue 11, R6, on PostgreSQL, where a write locks its catalogue's row: a write naming an image the caller cannot see
/// locks nothing, as one naming a missing image, so it does not wait while the owner's catalogue is held; a write by
/// the owner does.
/// </summary>
public class HiddenImageLockTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task R6_a_write_naming_an_image_hidden_from_the_caller_does_not_wait_for_its_owner_catalogue()
    {
        var database = await TestDatabase.CreateAsync();
        await using var instance = ServiceInstance.Over(database);
        await instance.SeedAsync();
        var created = (await instance.Service.CreateImageAsync(Sample.Create(Sample.Bob, Sample.Guangzhou, "hidden"))).Value.Image;
        var image = (await instance.Service.CompleteImageAsync(created.Id, succeeded: true)).Value.Image;

        // Another writer of Bob's catalogue, holding its row as a write does until it commits.
        await using var holder = new NpgsqlConnection(database.ConnectionString);
        await holder.OpenAsync();
        await using var holding = await holder.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("SELECT version FROM catalogues WHERE owner = @owner AND region = @region FOR UPDATE", holder, holding))
        {
            lockRow.Parameters.AddWithValue("owner", Sample.Bob.Id.Value);
            lockRow.Parameters.AddWithValue("region", Sample.Guangzhou.Id.Value);
            await lockRow.ExecuteScalarAsync();
        }

        var byStranger = instance.Service.DeleteImageAsync(new DeleteImage(Sample.Alice.Id, Sample.Guangzhou.Id, image.Id)).AsTask();
        var byOwner = instance.Service.ModifyImageAsync(new ModifyImage(Sample.Bob.Id, Sample.Guangzhou.Id, image.Id, Name: "renamed")).AsTask();
        var strangerDone = await Task.WhenAny(byStranger, Task.Delay(Patience)) == byStranger;
        var ownerDoneWhileHeld = byOwner.IsCompleted;
        await holding.RollbackAsync();

        Assert.True(strangerDone, $"a stranger's delete waited {Patience} behind the owner's catalogue");
        Assert.Equal("InvalidImageId.NotFound", (await byStranger).Failure?.Code);
        Assert.False(ownerDoneWhileHeld, "the owner's write did not wait for the catalogue's row");
        Assert.True((await byOwner).IsSuccess);
    }
}
