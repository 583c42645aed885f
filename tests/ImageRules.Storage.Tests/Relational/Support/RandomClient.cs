using System.Collections.Immutable;
using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy;
using ImageRules.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ImageRules.Storage.Tests.Support;

/// <summary>
/// One worker of a random history: calls one service instance with operations drawn from its own seeded random
/// source (create, import, copy, complete, modify, share, cancel sharing, delete, now and then a dry run or a step of
/// the shared clock), on images it or another worker made, mostly as their owner and now and then as someone else,
/// recording every answer in the <see cref="History"/>.
/// </summary>
public sealed class RandomClient(int instance, ImageService service, KnownImages images, History history, FakeTimeProvider clock, Random random)
{
    /// <summary>How far the shared clock moves in one step; a few dozen steps pass the transition timeout (R37).</summary>
    public static readonly TimeSpan ClockStep = TimeSpan.FromMinutes(3);

    /// <summary>Calls until <paramref name="takeOne"/> says the history's budget is spent.</summary>
    public async Task RunAsync(Func<bool> takeOne)
    {
        while (takeOne())
        {
            await StepAsync();
        }
    }

    private Task StepAsync() => random.Next(100) switch
    {
        < 12 => CreateAsync(),
        < 16 => ImportAsync(),
        < 24 => CopyAsync(),
        < 38 => CompleteAsync(),
        < 46 => ModifyAsync(),
        < 74 => ShareAsync(),
        < 84 => CancelAsync(),
        < 86 => CancelAllAsync(),
        < 99 => DeleteAsync(),
        _ => Tick(),
    };

    private Task CreateAsync()
    {
        var request = Sample.Create(Pick(CrowdedWorld.Owners), Pick(CrowdedWorld.Regions), Pick(CrowdedWorld.Names)) with { DryRun = DryRun() };
        return RecordAsync("create", () => service.CreateImageAsync(request), e => images.Made(e.Image));
    }

    private Task ImportAsync()
    {
        var request = Sample.Import(Pick(CrowdedWorld.Owners), Pick(CrowdedWorld.Regions), Pick(CrowdedWorld.Names)) with { DryRun = DryRun() };
        return RecordAsync("import", () => service.ImportImageAsync(request), e => images.Made(e.Image));
    }

    private Task CopyAsync() => OnKnownImageAsync(image =>
    {
        var target = Pick([.. CrowdedWorld.Regions.Where(r => r.Id != image.Region)]).Id;
        var request = new CopyImage(CallerFor(image), image.Region, image.Id, target, Chance(50) ? Pick(CrowdedWorld.Names) : null, DryRun());
        return RecordAsync("copy", () => service.CopyImageAsync(request), e => images.Made(e.Copy));
    });

    /// <summary>The platform's side: mostly an image known to be in progress, now and then any (R10, R14, R18, R37).</summary>
    private Task CompleteAsync()
    {
        if (((Chance(90) ? images.PickInProgress(random) : null) ?? images.Pick(random)) is not { } image)
        {
            return Task.CompletedTask;
        }

        var succeeded = Chance(85);
        return RecordAsync("complete", () => service.CompleteImageAsync(image.Id, succeeded), e => images.Completed(e.ImageId));
    }

    private Task ModifyAsync() => OnKnownImageAsync(image =>
    {
        var request = new ModifyImage(CallerFor(image), image.Region, image.Id, Pick(CrowdedWorld.Names), Chance(20) ? $"revision {random.Next(1000)}" : null, DryRun());
        return RecordAsync("modify", () => service.ModifyImageAsync(request));
    });

    /// <summary>1–20 recipients of the 60, mostly ones not yet holding a grant; now and then one every share must refuse, or the owner itself (R20–R23).</summary>
    private Task ShareAsync() => OnKnownImageAsync(image =>
    {
        var recipients = Recipients(random.Next(1, 21), r => !images.Holds(image.Id, r));
        if (Chance(4))
        {
            recipients = recipients.Add(Chance(75) ? Pick(CrowdedWorld.Refused) : image.Owner!.Value);
        }

        var request = new ShareImage(CallerFor(image), image.Region, image.Id, recipients, DryRun());
        return RecordAsync("share", () => service.ShareImageAsync(request), images.Shared);
    });

    /// <summary>1–3 recipients of the 60, mostly ones believed to hold a grant (R24).</summary>
    private Task CancelAsync() => OnKnownImageAsync(image =>
    {
        var request = new CancelSharing(CallerFor(image), image.Region, image.Id, Recipients(random.Next(1, 4), r => images.Holds(image.Id, r)), DryRun());
        return RecordAsync("cancel", () => service.CancelSharingAsync(request), images.Cancelled);
    });

    private Task CancelAllAsync() => OnKnownImageAsync(image =>
    {
        var request = new CancelAllSharing(CallerFor(image), image.Region, image.Id, DryRun());
        return RecordAsync("cancel-all", () => service.CancelAllSharingAsync(request), images.Cancelled);
    });

    private Task DeleteAsync() => OnKnownImageAsync(image =>
    {
        var request = new DeleteImage(CallerFor(image), image.Region, image.Id, DryRun());
        return RecordAsync("delete", () => service.DeleteImageAsync(request), e => images.Deleted(e.ImageId));
    });

    private Task Tick()
    {
        clock.Advance(ClockStep);
        return Task.CompletedTask;
    }

    private Task OnKnownImageAsync(Func<Image, Task> call) => images.Pick(random) is { } image ? call(image) : Task.CompletedTask;

    private async Task RecordAsync<T>(string operation, Func<ValueTask<Result<T>>> call, Action<T>? saved = null)
        where T : IImageEvent
    {
        if (await history.RecordAsync(operation, instance, call) is { IsSuccess: true } result)
        {
            saved?.Invoke(result.Value);
        }
    }

    /// <summary>Mostly the owner; now and then another owner (R6, R13) or a recipient, who may hold a grant (R25).</summary>
    private AccountId CallerFor(Image image) =>
        Chance(92) ? image.Owner!.Value : Chance(50) ? Pick(CrowdedWorld.Owners).Id : Pick(CrowdedWorld.Recipients);

    /// <summary><paramref name="count"/> distinct recipients of the 60, mostly (85 %) ones that pass <paramref name="likely"/> while there are enough.</summary>
    private ImmutableArray<AccountId> Recipients(int count, Func<AccountId, bool> likely)
    {
        var shuffled = CrowdedWorld.Recipients.OrderBy(_ => random.Next()).ToArray();
        var preferred = shuffled.Where(likely).Take(count).ToArray();
        return Chance(85) && preferred.Length == count ? [.. preferred] : [.. shuffled.Take(count)];
    }

    private bool DryRun() => Chance(4);

    private bool Chance(int percent) => random.Next(100) < percent;

    private T Pick<T>(ImmutableArray<T> items) => items[random.Next(items.Length)];
}
