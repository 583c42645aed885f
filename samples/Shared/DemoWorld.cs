using ImageRules.Application;
using ImageRules.Domain;

namespace ImageRules.Samples;

/// <summary>
/// The world the interactive samples (ImageShell, ImageApi) start in: the provider's regions and public images, and a
/// few demo accounts to act as. Linked into both projects, so they start alike; internal, so each stays its own app.
/// </summary>
internal static class DemoWorld
{
    /// <summary>The demo accounts: three root accounts of Guangzhou, a collaborator there, and a root account of Singapore.</summary>
    public static IReadOnlyList<Account> Accounts { get; } =
    [
        new(new AccountId("1038493875"), new RegionId("ap-guangzhou")),
        new(new AccountId("2000000001"), new RegionId("ap-guangzhou")),
        new(new AccountId("2000000002"), new RegionId("ap-guangzhou")),
        new(new AccountId("3000000001"), new RegionId("ap-guangzhou"), AccountKind.Collaborator),
        new(new AccountId("4000000001"), new RegionId("ap-singapore")),
    ];

    /// <summary>Loads <see cref="ProviderCatalogue.Default"/> and the <see cref="Accounts"/> into <paramref name="images"/>.</summary>
    public static async Task SeedAsync(ImageService images, CancellationToken cancellationToken = default)
    {
        await images.SeedAsync(ProviderCatalogue.Default, cancellationToken);
        foreach (var account in Accounts)
        {
            await images.SaveAccountAsync(account, cancellationToken);
        }
    }
}
