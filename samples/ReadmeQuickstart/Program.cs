// The README's Quickstart, compiled, and run by tests/ImageRules.Samples.Tests (ReadmeQuickstartTests): the code
// between the two markers must stay identical to the first csharp block under "## Quickstart" in README.md.
// <readme-quickstart>
using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Policy;

var images = ImageService.InMemory();                  // rules, an in-memory store, random ids and the system clock
await images.SeedAsync(ProviderCatalogue.Default);     // the provider's regions and public images
var (guangzhou, alice, bob) = (new RegionId("ap-guangzhou"), new AccountId("1038493875"), new AccountId("2000000001"));
foreach (var account in new[] { alice, bob }) { await images.SaveAccountAsync(new Account(account, guangzhou)); }

var created = await images.CreateImageAsync(new CreateImage(alice, guangzhou, new InstanceId("ins-2zvx0a1b"), "web-server"));
if (!created.TryGetValue(out var image, out var refused)) { Console.WriteLine(refused); return; }
await images.CompleteImageAsync(image.ImageId, succeeded: true);   // the platform reports it Normal
await images.ShareImageAsync(new ShareImage(alice, guangzhou, image.ImageId, [bob]));

var launch = await images.LaunchAsync(new LaunchImage(bob, guangzhou, image.ImageId));
Console.WriteLine(launch.Match(p => $"allowed: {p.Reason}, {p.Advisories}", f => $"refused: {f}"));  // allowed: ShareGrant, UntrustedSource
var rename = await images.ModifyImageAsync(new ModifyImage(bob, guangzhou, image.ImageId, Name: "mine"));
Console.WriteLine(rename.Failure?.Code);               // UnsupportedOperation.SharedImageModifyUnsupported
// </readme-quickstart>
