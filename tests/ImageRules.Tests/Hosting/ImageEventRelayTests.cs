using System.Diagnostics;
using ImageRules.Application;
using ImageRules.Hosting;
using ImageRules.Policy;
using ImageRules.Storage;
using ImageRules.Tests.Application;
using ImageRules.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ImageRules.Tests.Hosting;

/// <summary>The relay <c>AddImageRules</c> registers delivers what an instance saved but never told its observers.</summary>
public class ImageEventRelayTests
{
    [Fact]
    public async Task Events_the_hosted_relay_delivers_an_event_whose_instance_stopped_between_commit_and_observers()
    {
        var recorder = new RecordingObserver();
        using var provider = new ServiceCollection()
            .AddSingleton<IImageEventObserver>(recorder)
            .AddImageRules(o => o.EventRedeliveryInterval = TimeSpan.FromMilliseconds(50)).Services
            .BuildServiceProvider();
        var service = await AddImageRulesTests.SeededAsync(provider);

        // Another instance over the same store commits, then dies before any observer hears it.
        var stopped = new ImageService(
            service.Policy, provider.GetRequiredService<IImageStore>(), new RandomImageIdGenerator(), TimeProvider.System,
            [new ImageServiceOutboxTests.FlakyObserver { FailuresLeft = int.MaxValue }]);
        var created = (await stopped.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou))).Value;
        Assert.Empty(recorder.Heard);

        var relay = Assert.Single(provider.GetServices<IHostedService>());
        await relay.StartAsync(CancellationToken.None);
        for (var waited = Stopwatch.StartNew(); recorder.Heard.Count == 0 && waited.Elapsed < TimeSpan.FromSeconds(10);)
        {
            await Task.Delay(20);
        }

        await relay.StopAsync(CancellationToken.None);
        Assert.Equal(created, Assert.Single(recorder.Heard).Event);
        Assert.Empty(await provider.GetRequiredService<IImageStore>().ReadPendingEventsAsync(DateTimeOffset.MaxValue, 10));
    }

    [Fact]
    public async Task Events_with_no_observer_the_relay_never_reads_the_store()
    {
        var store = new CountingImageStore(new InMemoryImageStore());
        using var provider = new ServiceCollection()
            .AddSingleton<IImageStore>(store)
            .AddImageRules(o => o.EventRedeliveryInterval = TimeSpan.FromMilliseconds(10)).Services
            .BuildServiceProvider();

        var relay = Assert.Single(provider.GetServices<IHostedService>());
        await relay.StartAsync(CancellationToken.None);
        await Task.Delay(200);
        await relay.StopAsync(CancellationToken.None);

        Assert.Empty(store.Calls);
    }
}
