using System.Collections.Immutable;
using ImageRules.Domain;
using ImageRules.Persistence;

namespace ImageRules.Tests.Properties;

/// <summary>
/// Invariants that hold after every step of every script, checked on the service and its store alone, without the
/// model, so they hold even where model and service could share a misreading. Each is named after the rules it protects.
/// </summary>
public class InvariantProperties
{
    [RuleProperty(100)]
    public void R4_R5_R6_R30_no_account_sees_or_launches_an_image_that_is_neither_public_its_own_nor_granted_to_it_in_that_region(Script script) =>
        ScriptRun.Play(script, answered: null, settled: (run, _, _) =>
        {
            var accounts = run.Script.World.Accounts;
            var regions = run.Script.World.Regions;
            foreach (var account in accounts)
            {
                foreach (var region in regions)
                {
                    foreach (var seen in Listing(run, account.Id, region.Id).Items)
                    {
                        var why = Entitlement(run, seen.Image.Id, account.Id, region.Id);
                        if (why != seen.Kind)
                        {
                            throw run.Fail($"{account.Id} sees {seen.Image.Id} in {region.Id} as {seen.Kind}, but may see it as {why?.ToString() ?? "nothing"}");
                        }
                    }
                }
            }

            // Launching is checked in the image's region and in one other region, which changes from step to step.
            var other = regions[(int)(run.Now.Ticks / TimeSpan.TicksPerMinute % regions.Length)].Id;
            foreach (var id in run.KnownImages)
            {
                foreach (var region in new[] { run.Bindings.RegionOf(id), other }.Distinct())
                {
                    foreach (var account in accounts)
                    {
                        var launch = ServiceUnderTest.Sync(run.Service.Service.DecideLaunchAsync(account.Id, region, id));
                        if (launch.IsSuccess && Entitlement(run, id, account.Id, region) is null)
                        {
                            throw run.Fail($"{account.Id} may launch from {id} in {region}, which is neither public, its own nor granted to it there");
                        }
                    }
                }
            }
        });

    [RuleProperty(100)]
    public void R11_custom_images_per_owner_and_region_never_exceed_the_limit(Script script) =>
        ScriptRun.Play(script, answered: null, settled: (run, _, _) =>
        {
            var limit = run.Script.Profile.Options.MaxCustomImagesPerRegion;
            foreach (var account in run.Script.World.Accounts)
            {
                foreach (var region in run.Script.World.Regions)
                {
                    var owned = ServiceUnderTest.Sync(run.Service.Store.GetCatalogueAsync(new CatalogueKey(account.Id, region.Id))).Images.Length;
                    var quota = ServiceUnderTest.Sync(run.Service.Service.GetQuotaAsync(account.Id, region.Id)).Value;
                    if (owned > limit || quota.Used != owned || quota.Limit != limit)
                    {
                        throw run.Fail($"{account.Id} owns {owned} images in {region.Id} (quota says {quota.Used} of {quota.Limit}); the limit is {limit}");
                    }
                }
            }
        });

    [RuleProperty(100)]
    public void R21_R22_grants_per_image_never_exceed_the_limit_and_never_cross_regions(Script script) =>
        ScriptRun.Play(script, answered: null, settled: (run, _, _) =>
        {
            var limit = run.Script.Profile.Options.MaxShareRecipientsPerImage;
            var accounts = run.Script.World.Accounts;
            foreach (var id in run.KnownImages)
            {
                var grants = run.Service.GrantsOf(id);
                if (grants.IsEmpty)
                {
                    continue;
                }

                var image = run.Service.Find(id) ?? throw run.Fail($"{id} is gone but keeps {grants.Length} grants");
                var owner = accounts.First(a => a.Id == image.Owner);
                if (grants.Length > limit)
                {
                    throw run.Fail($"{id} is shared with {grants.Length} accounts; the limit is {limit}");
                }

                foreach (var grant in grants)
                {
                    var recipient = accounts.First(a => a.Id == grant.Recipient);
                    if (grant.Region != image.Region || grant.Owner != owner.Id || recipient.HomeRegion != owner.HomeRegion || !recipient.IsRoot || recipient == owner)
                    {
                        throw run.Fail($"{grant} of {image.Id} in {image.Region} owned by {owner} goes to {recipient}");
                    }
                }
            }

            foreach (var account in accounts)
            {
                foreach (var region in run.Script.World.Regions)
                {
                    var held = ServiceUnderTest.Sync(run.Service.Store.ListHeldAsync(account.Id, region.Id));
                    if (held.FirstOrDefault(g => g.Region != region.Id || run.Service.Find(g.ImageId)?.Region != region.Id) is { } stray)
                    {
                        throw run.Fail($"{account.Id} holds {stray} in {region.Id}");
                    }
                }
            }
        });

    [RuleProperty(100)]
    public void R20_R24_a_refused_request_changes_nothing(Script script)
    {
        var run = new ScriptRun(script);
        foreach (var step in script.Steps)
        {
            var before = run.Snapshot();
            var outcome = run.Play(step);
            if (!outcome.IsSuccess || step.IsRead)
            {
                var after = run.Snapshot();
                if (after != before)
                {
                    throw run.Fail($"the last step answered {outcome} yet changed what is stored:{Environment.NewLine}before:{Environment.NewLine}{before}after:{Environment.NewLine}{after}");
                }
            }

            run.Settle(outcome);
        }
    }

    [RuleProperty(100)]
    public void R16_a_deleted_image_leaves_no_grant(Script script) =>
        ScriptRun.Play(script, answered: null, settled: (run, _, _) =>
        {
            foreach (var id in run.KnownImages.Where(id => run.Service.Find(id) is null))
            {
                if (!run.Service.GrantsOf(id).IsEmpty)
                {
                    throw run.Fail($"{id} is gone but keeps grants {string.Join(", ", run.Service.GrantsOf(id))}");
                }
            }

            foreach (var account in run.Script.World.Accounts)
            {
                foreach (var region in run.Script.World.Regions)
                {
                    var held = ServiceUnderTest.Sync(run.Service.Store.ListHeldAsync(account.Id, region.Id));
                    if (held.FirstOrDefault(g => run.Service.Find(g.ImageId) is null) is { } orphan)
                    {
                        throw run.Fail($"{account.Id} still holds {orphan} for a deleted image");
                    }
                }
            }
        });

    [RuleProperty(100)]
    public void R1_the_kind_of_a_custom_image_is_custom_for_exactly_its_owner_and_a_public_image_for_nobody(Script script) =>
        ScriptRun.Play(script, answered: null, settled: (run, _, _) =>
        {
            foreach (var id in run.KnownImages)
            {
                if (run.Service.Find(id) is not { } image)
                {
                    continue;
                }

                var filter = new ImageFilter { ImageIds = [id], Kind = ImageKind.Custom };
                var ownersSeen = run.Script.World.Accounts
                    .Where(a => ServiceUnderTest.Sync(run.Service.Service.DescribeImagesAsync(a.Id, image.Region, filter)).Value.TotalCount > 0)
                    .Select(a => a.Id)
                    .ToImmutableArray();
                var expected = image.Owner is { } owner ? [owner] : ImmutableArray<AccountId>.Empty;
                if (!ownersSeen.SequenceEqual(expected))
                {
                    throw run.Fail($"{id} of {image.Owner?.Value ?? "the platform"} is custom for [{string.Join(", ", ownersSeen)}]");
                }
            }
        });

    private static ImagePage Listing(ScriptRun run, AccountId account, RegionId region) =>
        ServiceUnderTest.Sync(run.Service.Service.DescribeImagesAsync(account, region, limit: 100)).Value;

    /// <summary>
    /// What entitles <paramref name="account"/> to see image <paramref name="id"/> in <paramref name="region"/>,
    /// read from the store: public, its own, or a grant it holds; null for nothing (or no such image there).
    /// </summary>
    private static ImageKind? Entitlement(ScriptRun run, ImageId id, AccountId account, RegionId region)
    {
        if (run.Service.Find(id) is not { } image || image.Region != region)
        {
            return null;
        }

        if (image.Owner is not { } owner)
        {
            return ImageKind.Public;
        }

        if (owner == account)
        {
            return ImageKind.Custom;
        }

        return run.Service.GrantsOf(id).Any(g => g.Recipient == account && g.Region == region) ? ImageKind.Shared : null;
    }
}
