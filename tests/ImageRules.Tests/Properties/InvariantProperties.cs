using System.Collections.Immutable;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using Requests = ImageRules.Policy;

namespace ImageRules.Tests.Properties;

/// <summary>
/// Invariants that hold after every step of every script, checked on the service and its store alone, without the
/// model, so they hold even where model and service could share a misreading. Each is named after the rules it protects.
/// </summary>
public class InvariantProperties
{
    // Invariant: no account ever sees an image in a listing, nor may launch from it, unless the image is public, its
    // own, or granted to it, in that region; and a listed image's kind says which.
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
                        var launch = ServiceUnderTest.Sync(run.Service.Service.DecideLaunchAsync(new LaunchImage(account.Id, region, id)));
                        if (launch.IsAllowed && Entitlement(run, id, account.Id, region) is null)
                        {
                            throw run.Fail($"{account.Id} may launch from {id} in {region}, which is neither public, its own nor granted to it there");
                        }
                    }
                }
            }
        });

    // Invariant: no account ever owns more custom images in a region than the limit, and its quota reports exactly
    // what it owns there and the limit.
    [RuleProperty(100)]
    public void R11_custom_images_per_owner_and_region_never_exceed_the_limit(Script script) =>
        ScriptRun.Play(script, answered: null, settled: (run, _, _) =>
        {
            var limit = run.Service.Service.Policy.MaxCustomImagesPerRegion;
            foreach (var account in run.Script.World.Accounts)
            {
                foreach (var region in run.Script.World.Regions)
                {
                    var owned = run.Service.CatalogueOf(account.Id, region.Id).Images.Length;
                    var quota = ServiceUnderTest.Sync(run.Service.Service.DescribeQuotaAsync(new DescribeQuota(account.Id, region.Id))).Value;
                    if (owned > limit || quota.Used != owned || quota.Limit != limit)
                    {
                        throw run.Fail($"{account.Id} owns {owned} images in {region.Id} (quota says {quota.Used} of {quota.Limit}); the limit is {limit}");
                    }
                }
            }
        });

    // Invariant: no image is ever shared with more accounts than the limit, and every grant is the owner's, in the
    // image's region, to another root account of the owner's home region; what an account holds in a region is there.
    [RuleProperty(100)]
    public void R21_R22_grants_per_image_never_exceed_the_limit_and_never_cross_regions(Script script) =>
        ScriptRun.Play(script, answered: null, settled: (run, _, _) =>
        {
            var limit = run.Service.Service.Policy.MaxShareRecipientsPerImage;
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
                    var held = run.Service.HeldBy(account.Id, region.Id);
                    if (held.FirstOrDefault(v => v.Image.Region != region.Id || !run.Service.GrantsOf(v.Image.Id).Any(g => g.Recipient == account.Id && g.Region == region.Id)) is { } stray)
                    {
                        throw run.Fail($"{account.Id} holds {stray.Image.Id} of {stray.Image.Region} in {region.Id} without a grant there");
                    }
                }
            }
        });

    // Invariant: a refused request, and any read, leaves everything stored exactly as it was.
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

    // Invariant: once an image is deleted, no account holds a grant of it anywhere.
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
                    // The store lists what an account holds from its grants: a grant of a deleted image would surface here.
                    var held = run.Service.HeldBy(account.Id, region.Id);
                    if (held.FirstOrDefault(v => run.Service.Find(v.Image.Id) is null) is { } orphan)
                    {
                        throw run.Fail($"{account.Id} still holds {orphan.Image.Id}, which is deleted");
                    }
                }
            }
        });

    // Invariant: a custom image is of kind Custom for exactly one account, its owner; a public image for none.
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
                    .Where(a => ServiceUnderTest.Sync(run.Service.Service.DescribeImagesAsync(new Requests.DescribeImages(a.Id, image.Region, filter))).Value.TotalCount > 0)
                    .Select(a => a.Id)
                    .ToImmutableArray();
                var expected = image.Owner is { } owner ? [owner] : ImmutableArray<AccountId>.Empty;
                if (!ownersSeen.SequenceEqual(expected))
                {
                    throw run.Fail($"{id} of {image.Owner?.Value ?? "the platform"} is custom for [{string.Join(", ", ownersSeen)}]");
                }
            }
        });

    // Invariant (R37): an image left in progress past the transition timeout reads as failed to its owner, the
    // platform's late report is refused and its owner may delete it (a dry run says so, R38); within the timeout it
    // reads as stored and its owner may not delete it (R16).
    [RuleProperty(100)]
    public void R37_an_image_left_in_progress_past_the_timeout_has_failed_and_may_be_deleted(Script script) =>
        ScriptRun.Play(script, answered: null, settled: (run, _, _) =>
        {
            var policy = run.Service.Service.Policy;
            foreach (var id in run.KnownImages)
            {
                if (run.Service.Find(id) is not { Owner: { } owner } image || !image.State.IsInProgress())
                {
                    continue;
                }

                var expired = run.Now - image.CreatedAt > policy.TransitionTimeout;
                var seen = ServiceUnderTest.Sync(run.Service.Service.GetImageAsync(new GetImage(owner, image.Region, id))).Value.Image.State;
                var delete = ServiceUnderTest.Sync(run.Service.Service.DeleteImageAsync(new Requests.DeleteImage(owner, image.Region, id, DryRun: true))).Failure;
                var failed = image.State.Completed(succeeded: false)!.Value;
                var rightly = expired
                    ? seen == failed && delete is DryRunPassed && ServiceUnderTest.Sync(run.Service.Service.CompleteImageAsync(id, succeeded: true)).Failure is ImageStateIncorrect
                    : seen == image.State && delete is ImageStateIncorrect;
                if (!rightly)
                {
                    throw run.Fail($"{id}, {image.State} since {image.CreatedAt:O}, at {run.Now:O} reads {seen} and a dry-run delete answers {delete?.ToString() ?? "success"}");
                }
            }
        });

    // Invariant (R2): paging through a listing gives every image the account may see in the region exactly once,
    // newest first with ties by ascending id, whatever the page size, and every page counts them all.
    [RuleProperty(100)]
    public void R2_paging_through_a_listing_gives_every_visible_image_once_in_order_and_every_page_the_total(Script script) =>
        ScriptRun.Play(script, answered: null, settled: (run, _, _) =>
        {
            // The page size changes from step to step: 1 to 4, so that pages end inside ties and inside each kind.
            var limit = 1 + (int)(run.Now.Ticks / TimeSpan.TicksPerMinute % 4);
            foreach (var account in run.Script.World.Accounts)
            {
                foreach (var region in run.Script.World.Regions)
                {
                    var expected = run.KnownImages
                        .Select(id => (Image: run.Service.Find(id), Kind: Entitlement(run, id, account.Id, region.Id)))
                        .Where(seen => seen.Kind is not null)
                        .OrderByDescending(seen => seen.Image!.CreatedAt).ThenBy(seen => seen.Image!.Id.Value, StringComparer.Ordinal)
                        .Select(seen => (seen.Image!.Id, seen.Kind!.Value))
                        .ToList();
                    var seen = new List<(ImageId, ImageKind)>();
                    for (var offset = 0; ; offset += limit)
                    {
                        var page = ServiceUnderTest.Sync(run.Service.Service.DescribeImagesAsync(new Requests.DescribeImages(account.Id, region.Id, Offset: offset, Limit: limit))).Value;
                        if (page.TotalCount != expected.Count)
                        {
                            throw run.Fail($"{account.Id}'s page at {offset} in {region.Id} counts {page.TotalCount} images; it may see {expected.Count}");
                        }

                        seen.AddRange(page.Items.Select(v => (v.Image.Id, v.Kind)));
                        if (page.Items.IsEmpty)
                        {
                            break;
                        }
                    }

                    if (!seen.SequenceEqual(expected))
                    {
                        throw run.Fail($"{account.Id} pages through {region.Id} by {limit} as [{string.Join(", ", seen)}]; newest first it may see [{string.Join(", ", expected)}]");
                    }
                }
            }
        });

    private static ImagePage Listing(ScriptRun run, AccountId account, RegionId region) =>
        ServiceUnderTest.Sync(run.Service.Service.DescribeImagesAsync(new Requests.DescribeImages(account, region, Limit: 100))).Value;

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
