using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Tests.Support;
using static ImageRules.Tests.Support.Sample;

namespace ImageRules.Tests.Policy;

/// <summary>
/// An image left Creating, Syncing or Importing longer than <see cref="ImagePolicy.TransitionTimeout"/> has failed
/// (R37): it reads as CreateFailed, SyncFailed or ImportFailed, may be deleted, and the platform's late report can no
/// longer complete it. Within the timeout the state in progress holds, and a delete is refused (R16).
/// </summary>
public class TransitionTimeoutTests
{
    private static readonly ImagePolicy Policy = Engine.Seed;

    /// <summary>Alice's image in <paramref name="state"/>, made at <see cref="Now"/>.</summary>
    private static Image MadeNow(ImageState state) => Engine.JustMade(CustomImage(Alice, Guangzhou, state: state));

    /// <summary>The facts at <paramref name="now"/> of a decision by Alice about <paramref name="image"/>.</summary>
    private static ImageFacts At(DateTimeOffset now, Image image) => Engine.Facts(Alice, Guangzhou, image, catalogue: [image]) with { Now = now };

    /// <summary>Each state in progress and the failed state it times out into.</summary>
    public static TheoryData<ImageState, ImageState> InProgressAndFailed() => new()
    {
        { ImageState.Creating, ImageState.CreateFailed },
        { ImageState.Syncing, ImageState.SyncFailed },
        { ImageState.Importing, ImageState.ImportFailed },
    };

    private static DateTimeOffset PastTimeout => Now + Policy.TransitionTimeout + TimeSpan.FromSeconds(1);

    [Theory]
    [MemberData(nameof(InProgressAndFailed))]
    public void R37_an_image_in_progress_past_the_timeout_has_failed(ImageState state, ImageState failed)
    {
        var image = MadeNow(state);

        Assert.Equal(image with { State = failed }, Policy.AsOf(image, PastTimeout));
    }

    [Theory]
    [InlineData(ImageState.Creating)]
    [InlineData(ImageState.Syncing)]
    [InlineData(ImageState.Importing)]
    public void R37_an_image_in_progress_within_the_timeout_is_as_it_was(ImageState state)
    {
        var image = MadeNow(state);

        Assert.Same(image, Policy.AsOf(image, Now));
        Assert.Same(image, Policy.AsOf(image, Now + Policy.TransitionTimeout));
    }

    [Theory]
    [InlineData(ImageState.Normal)]
    [InlineData(ImageState.CreateFailed)]
    [InlineData(ImageState.SyncFailed)]
    [InlineData(ImageState.ImportFailed)]
    public void R37_an_image_not_in_progress_never_times_out(ImageState state)
    {
        var image = MadeNow(state);

        Assert.Same(image, Policy.AsOf(image, Now.AddYears(10)));
    }

    [Fact]
    public void R37_the_timeout_is_an_hour_unless_the_options_say_otherwise()
    {
        var quick = Engine.With(o => o.TransitionTimeout = TimeSpan.FromMinutes(10));
        var image = MadeNow(ImageState.Creating);

        Assert.Equal(TimeSpan.FromHours(1), Policy.TransitionTimeout);
        Assert.Equal(ImageState.CreateFailed, quick.AsOf(image, Now.AddMinutes(11)).State);
        Assert.Equal(ImageState.Creating, Policy.AsOf(image, Now.AddMinutes(11)).State);
    }

    [Fact]
    public void R16_R37_before_the_timeout_an_image_being_created_cannot_be_deleted()
    {
        var image = MadeNow(ImageState.Creating);

        var refused = Policy.Decide(new DeleteImage(Alice.Id, Guangzhou.Id, image.Id), At(Now + Policy.TransitionTimeout, image));

        var failure = Refused.Because<ImageStateIncorrect>(refused.Failure, "InvalidImageId.IncorrectState", "`Creating`");
        Assert.Equal(new ImageStateIncorrect(image.Id, ImageState.Creating, ImageOperation.Delete), failure);
    }

    [Theory]
    [MemberData(nameof(InProgressAndFailed))]
    public void R37_past_the_timeout_an_image_left_in_progress_may_be_deleted(ImageState state, ImageState failed)
    {
        var image = MadeNow(state);

        var deleted = Policy.Decide(new DeleteImage(Alice.Id, Guangzhou.Id, image.Id), At(PastTimeout, image)).Value;

        Assert.Equal(image.Id, deleted.ImageId);
        Assert.Equal(failed, deleted.Image.State);
        Assert.Equal(PastTimeout, deleted.OccurredAt);
    }

    [Fact]
    public void R37_past_the_timeout_the_platforms_report_cannot_complete_the_image()
    {
        var image = MadeNow(ImageState.Creating);

        var late = Policy.Complete(image, succeeded: true, PastTimeout);
        var inTime = Policy.Complete(image, succeeded: true, Now + Policy.TransitionTimeout);

        var failure = Refused.Because<ImageStateIncorrect>(late.Failure, "InvalidImageId.IncorrectState", "`CreateFailed`");
        Assert.Equal(new ImageStateIncorrect(image.Id, ImageState.CreateFailed, ImageOperation.Complete), failure);
        Assert.Equal(ImageState.Normal, inTime.Value.Image.State);
    }

    [Fact]
    public void R30_R37_past_the_timeout_the_image_reads_and_launches_as_failed()
    {
        var image = MadeNow(ImageState.Creating);

        var seen = Policy.Decide(new GetImage(Alice.Id, Guangzhou.Id, image.Id), At(PastTimeout, image)).Value;
        var launch = Policy.Decide(new LaunchImage(Alice.Id, Guangzhou.Id, image.Id), At(PastTimeout, image));

        Assert.Equal(ImageState.CreateFailed, seen.Image.State);
        Assert.Equal(new ImageStateInvalid(image.Id, ImageState.CreateFailed, ImageOperation.Launch), launch.ToResult().Failure);
    }

    [Fact]
    public async Task R37_through_the_service_an_image_left_creating_past_the_timeout_is_shown_failed_and_may_be_deleted()
    {
        var world = await TestWorld.CreateAsync();
        var image = (await world.Service.CreateImageAsync(Create(Alice, Guangzhou))).Value.Image;
        var delete = new DeleteImage(Alice.Id, Guangzhou.Id, image.Id);
        var whileCreating = await world.Service.DeleteImageAsync(delete);

        world.Clock.Advance(world.Service.Policy.TransitionTimeout + TimeSpan.FromSeconds(1));
        var listed = (await world.Service.DescribeImagesAsync(new DescribeImages(Alice.Id, Guangzhou.Id))).Value.Items.Single();
        var late = await world.Service.CompleteImageAsync(image.Id, succeeded: true);
        var deleted = await world.Service.DeleteImageAsync(delete);

        Refused.Because<ImageStateIncorrect>(whileCreating.Failure, "InvalidImageId.IncorrectState", "`Creating`");
        Assert.Equal(ImageState.CreateFailed, listed.Image.State);
        Assert.Equal(new ImageStateIncorrect(image.Id, ImageState.CreateFailed, ImageOperation.Complete), late.Failure);
        Assert.True(deleted.IsSuccess, deleted.ToString());
        Assert.Null(await world.Store.FindImageAsync(image.Id));
    }
}
