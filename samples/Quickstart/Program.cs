using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Hosting;
using ImageRules.Persistence;
using Microsoft.Extensions.DependencyInjection;

// A first look: a world seeded with the provider's regions and public images, and one launch decision.
var services = new ServiceCollection().AddImageRules().BuildServiceProvider();
var images = services.GetRequiredService<ImageService>();
await images.SeedAsync(ProviderCatalogue.Default);

var alice = new Account(new AccountId("1038493875"), new RegionId("ap-singapore"));
await images.SaveAccountAsync(alice);

var windows = (await images.DescribeImagesAsync(alice.Id, alice.HomeRegion, new ImageFilter { OsFamily = OsFamily.Windows, Architecture = Architecture.X86_64 })).Value.Items[0].Image;
var launch = await images.DecideLaunchAsync(alice.Id, alice.HomeRegion, windows.Id);
Console.WriteLine(launch.Match(
    permit => $"alice may launch {windows.Name} ({permit.Reason}); licence fee {permit.LicenceFeePerHour} per hour",
    refusal => $"refused: {refusal}"));
