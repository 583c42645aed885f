using System.Collections.Immutable;
using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Tests.Support;

namespace ImageRules.Storage.Tests.Support;

/// <summary>
/// A small, crowded world for random histories: four owners at home in Guangzhou, three regions (Guangzhou and
/// Shanghai copy between each other; Singapore lies across the mainland border, R15), 60 root recipients of Guangzhou
/// so that the share limit (R21) and the quota (R11) are reached often, a few accounts every share naming them must
/// refuse (R22, R23), and 22 names written 25 ways so that NFC and NFD spellings meet (R12, R36).
/// </summary>
public static class CrowdedWorld
{
    public static readonly ImmutableArray<Region> Regions = [Sample.Guangzhou, Sample.Shanghai, Sample.Singapore];

    public static readonly ImmutableArray<Account> Owners = [.. Enumerable.Range(1, 4).Select(i => new Account(new($"8{i:D9}"), Sample.Guangzhou.Id))];

    public static readonly ImmutableArray<AccountId> Recipients = [.. Enumerable.Range(1, 60).Select(i => new AccountId($"7{i:D9}"))];

    /// <summary>A collaborator (R23), a root account of another home region (R22), an account that does not exist (R23).</summary>
    public static readonly ImmutableArray<AccountId> Refused = [new("9000000001"), new("9100000001"), new("9200000001")];

    /// <summary>Café twice (NFC, NFD), Ångström three times (NFC, NFD, the Angstrom sign U+212B) and web-1…web-20.</summary>
    public static readonly ImmutableArray<string> Names =
    [
        "caf\u00E9", "cafe\u0301", "\u00C5ngstr\u00F6m", "A\u030Angstro\u0308m", "\u212Bngstr\u00F6m",
        .. Enumerable.Range(1, 20).Select(i => $"web-{i}"),
    ];

    /// <summary>Saves the regions and accounts through <paramref name="service"/>.</summary>
    public static async Task SeedAsync(ImageService service)
    {
        foreach (var region in Regions)
        {
            await service.SaveRegionAsync(region);
        }

        IEnumerable<Account> accounts =
        [
            .. Owners,
            .. Recipients.Select(id => new Account(id, Sample.Guangzhou.Id)),
            new Account(Refused[0], Sample.Guangzhou.Id, AccountKind.Collaborator),
            new Account(Refused[1], Sample.Singapore.Id),
        ];
        foreach (var account in accounts)
        {
            await service.SaveAccountAsync(account);
        }
    }
}
