// A service instance in its own process, for the SQLite crash and two-process tests of ImageRules.Storage.Tests.
// It registers ImageRules over the database as a host would, writes through ImageService, and prints one line per
// acknowledged write, flushed at once, so the test knows exactly which writes were acknowledged before it killed us.
//
//   writer <connection string> crash <owners> <recipient>
//       forever: create an image for the next owner, complete it, share it with the recipient; the quota is raised to
//       1000 so that the writer is still writing, never refused, whenever it is killed
//   writer <connection string> race <owners> <recipients> <image> <image owner>
//       create 12 images for each owner (the quota is 10), then share <image> with each recipient, once each
//
// Lines: "created <image> <owner>", "completed <image>", "shared <image> <recipient>", "refused <code>", "done".
// Owners and recipients are comma-separated account ids, saved in the database by the test beforehand.
using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Hosting;
using ImageRules.Policy;
using Microsoft.Extensions.DependencyInjection;

var (connectionString, mode, owners) = (args[0], args[1], args[2].Split(',').Select(id => new AccountId(id)).ToArray());
await using var provider = new ServiceCollection()
    .AddImageRules(o => o.MaxCustomImagesPerRegion = mode == "crash" ? 1000 : null)
    .UseSqlite(connectionString)
    .Services.BuildServiceProvider();
var service = provider.GetRequiredService<ImageService>();
var region = new RegionId("ap-guangzhou");
var system = new ImageOperatingSystem(OsFamily.Linux, OsPlatform.TencentOS, "TencentOS Server 3.1 (TK4)");
var output = Console.Out;

CreateImage Request(AccountId owner, string name) => new(owner, region, new InstanceId("ins-2zvx0a1b"), name, OperatingSystem: system);

void Report(string line)
{
    output.WriteLine(line);
    output.Flush();
}

if (mode == "crash")
{
    var recipient = new AccountId(args[3]);
    for (var i = 0; ; i++)
    {
        var owner = owners[i % owners.Length];
        var created = await service.CreateImageAsync(Request(owner, $"crash-{Environment.ProcessId}-{i}"));
        if (!created.TryGetValue(out var made, out var failure))
        {
            Report($"refused {failure.Code}");
            continue;
        }

        Report($"created {made.Image.Id} {owner}");
        var completed = await service.CompleteImageAsync(made.Image.Id, succeeded: true);
        Report(completed.IsSuccess ? $"completed {made.Image.Id}" : $"refused {completed.Failure!.Code}");
        var shared = await service.ShareImageAsync(new ShareImage(owner, region, made.Image.Id, [recipient]));
        Report(shared.IsSuccess ? $"shared {made.Image.Id} {recipient}" : $"refused {shared.Failure!.Code}");
    }
}

var recipients = args[3].Split(',').Select(id => new AccountId(id)).ToArray();
var image = new ImageId(args[4]);
var imageOwner = new AccountId(args[5]);
foreach (var owner in owners)
{
    for (var n = 0; n < 12; n++)
    {
        var created = await service.CreateImageAsync(Request(owner, $"race-{Environment.ProcessId}-{n}"));
        Report(created.IsSuccess ? $"created {created.Value.Image.Id} {owner}" : $"refused {created.Failure!.Code}");
    }
}

foreach (var recipient in recipients)
{
    var shared = await service.ShareImageAsync(new ShareImage(imageOwner, region, image, [recipient]));
    Report(shared.IsSuccess ? $"shared {image} {recipient}" : $"refused {shared.Failure!.Code}");
}

Report("done");
