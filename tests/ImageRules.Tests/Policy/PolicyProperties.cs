using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Tests.Support;
using static ImageRules.Tests.Support.Sample;

namespace ImageRules.Tests.Policy;

/// <summary>
/// Invariants of the engine over generated situations, each checked against a small reference model written from
/// RULES.md rather than from the code.
/// </summary>
[Properties(Arbitrary = new[] { typeof(PolicyArbitraries) })]
public class PolicyProperties
{
    /// <summary>The reference model of R3–R5: who sees an image from a region.</summary>
    private static bool Sees(Image image, AccountId viewer, RegionId region, ShareGrant? grant) =>
        image.Region == region
        && (image.Owner is null
            || image.Owner == viewer
            || (grant is not null && grant.ImageId == image.Id && grant.Owner == image.Owner && grant.Recipient == viewer && grant.Region == image.Region));

    // Invariant: a launch is allowed only for a Normal public, owned or granted image in its own region; the permit
    // says why, charges the licence fee only for public Windows where the region charges it, and warns only for shared images.
    [Property(MaxTest = 300)]
    public Property R30_R31_R26_a_launch_is_allowed_exactly_for_visible_normal_images_and_says_why(Situation s)
    {
        var decision = Engine.Seed.Decide(new LaunchImage(s.Caller.Id, s.Region.Id, s.Image.Id), Facts(s)).ToResult();
        var visible = Sees(s.Image, s.Caller.Id, s.Region.Id, s.Grant);
        if (!decision.TryGetValue(out var permit, out var failure))
        {
            var refusedRightly = visible
                ? s.Image.State != ImageState.Normal && failure is ImageStateInvalid
                : failure is ImageNotFound;
            return refusedRightly.Label($"refused with {failure}").Classify(true, "refused");
        }

        var reason = s.Image.IsPublic ? LaunchReason.PublicImage : s.Image.Owner == s.Caller.Id ? LaunchReason.Owner : LaunchReason.ShareGrant;
        var charged = s.Image.IsPublic && s.Image.OperatingSystem.Family == OsFamily.Windows && !s.Region.IsChineseMainland && s.Region.ChargesWindowsLicenceFee;
        var warned = reason == LaunchReason.ShareGrant;
        var allowedRightly = visible && s.Image.State == ImageState.Normal
            && permit.Reason == reason
            && permit.LicenceFeePerHour.IsFree != charged
            && (permit.Advisories == Advisories.UntrustedSource) == warned;
        return allowedRightly.Label($"allowed with {permit}").Classify(true, reason.ToString());
    }

    // Invariant: whoever is not the owner (stranger, recipient, anyone looking at a public image) never gets an allowed
    // share, delete, copy, rename or cancel sharing under the seed profile, whatever grant it presents.
    [Property(MaxTest = 300)]
    public Property R13_R25_a_non_owner_is_never_allowed_to_share_delete_copy_rename_or_cancel_sharing(Situation s)
    {
        var policy = Engine.Seed;
        var facts = Facts(s);
        var allowed = new List<string>();
        void Check(string operation, bool succeeded)
        {
            if (succeeded)
            {
                allowed.Add(operation);
            }
        }

        var (caller, region, id) = (s.Caller.Id, s.Region.Id, s.Image.Id);
        Check("share", policy.Decide(new ShareImage(caller, region, id, [Carol.Id]), facts).IsSuccess);
        Check("delete", policy.Decide(new DeleteImage(caller, region, id), facts).IsSuccess);
        Check("rename", policy.Decide(new ModifyImage(caller, region, id, "renamed"), facts).IsSuccess);
        Check("cancel", policy.Decide(new CancelSharing(caller, region, id, [caller]), facts).IsSuccess);
        Check("cancel all", policy.Decide(new CancelAllSharing(caller, region, id), facts).IsSuccess);
        foreach (var target in Regions)
        {
            Check($"copy to {target.Id}", policy.Decide(new CopyImage(caller, region, id, target.Id), facts with { TargetRegion = target }).IsSuccess);
        }

        return (allowed.Count == 0).When(!s.Image.IsOwnedBy(s.Caller.Id)).Label($"allowed: {string.Join(", ", allowed)}");
    }

    // Invariant: under Provider 2025 the only change a non-owner may make is copying a Normal image it holds a grant
    // for, within the image's own region (where that region supports image copy at all, R14).
    [Property(MaxTest = 300)]
    public Property R25_under_provider_2025_a_non_owner_copies_only_a_granted_normal_image_within_its_region(Situation s)
    {
        var mayCopy = Sees(s.Image, s.Caller.Id, s.Region.Id, s.Grant) && !s.Image.IsPublic && s.Image.State == ImageState.Normal
            && PolicyArbitraries.RegionOf(s.Image).SupportsCopy;
        var wrong = Regions
            .Where(target => Engine.Provider2025.Decide(new CopyImage(s.Caller.Id, s.Region.Id, s.Image.Id, target.Id), Facts(s) with { TargetRegion = target }).IsSuccess
                != (mayCopy && target.Id == s.Image.Region))
            .Select(target => target.Id.Value)
            .ToList();

        return (wrong.Count == 0).When(!s.Image.IsOwnedBy(s.Caller.Id)).Label($"wrong decision for targets {string.Join(", ", wrong)}").Classify(mayCopy, "may copy");
    }

    // Invariant (R1): with every account holding a proper grant and looking from every region, a custom image is
    // Custom for exactly one account, its owner, and only in its region; a public image is Custom for nobody.
    [Property(MaxTest = 200)]
    public bool R1_the_kind_of_an_image_is_custom_for_exactly_one_account(Situation s)
    {
        var custom =
            from viewer in Accounts
            from region in Regions
            let grant = s.Image.Owner is { } owner ? new ShareGrant(s.Image.Id, owner, viewer.Id, s.Image.Region, Now) : null
            where ImagePolicy.KindFor(s.Image, viewer.Id, region.Id, grant) == ImageKind.Custom
            select (viewer.Id, region.Id);

        return s.Image.Owner is { } imageOwner
            ? custom.SequenceEqual([(imageOwner, s.Image.Region)])
            : !custom.Any();
    }

    // Invariant (R20–R23): a share succeeds exactly when every named account is a known root account of the owner's
    // region, not the owner, named once, not yet a holder, and the total stays within the limit; it then grants
    // exactly the named accounts, in order, in the image's region.
    [Property(MaxTest = 300)]
    public Property R20_R21_R22_R23_a_share_succeeds_exactly_when_every_account_is_acceptable_and_grants_just_those(ShareAttempt attempt)
    {
        var image = CustomImage(Alice, Guangzhou);
        var policy = Engine.With(o => o.MaxShareRecipientsPerImage = attempt.Limit);
        var existing = attempt.Holders.Select(h => Grant(image, h));
        var known = Engine.Known(Engine.SamplesAnd(PolicyArbitraries.ExtraRoots));

        var decision = policy.Decide(
            new ShareImage(Alice.Id, Guangzhou.Id, image.Id, [.. attempt.Recipients]),
            Engine.Facts(Alice, Guangzhou, image, existing, accounts: known.Values));

        var acceptable = attempt.Recipients.Count > 0
            && attempt.Recipients.Distinct().Count() == attempt.Recipients.Count
            && attempt.Recipients.All(r => r != Alice.Id && known.TryGetValue(r, out var a) && a.IsRoot && a.HomeRegion == Alice.HomeRegion && attempt.Holders.All(h => h.Id != r))
            && attempt.Holders.Count + attempt.Recipients.Count <= attempt.Limit;
        var grantsJustThose = decision.IsSuccess
            && decision.Value.Grants.SequenceEqual(attempt.Recipients.Select(r => new ShareGrant(image.Id, Alice.Id, r, Guangzhou.Id, Now)));
        return (decision.IsSuccess == acceptable && (!acceptable || grantsJustThose))
            .Label($"decision {decision}")
            .Classify(acceptable, "shared");
    }

    // Invariant (R20): through the service, a refused share leaves every grant as it was, and an accepted one adds
    // exactly the named accounts.
    [Property(MaxTest = 100)]
    public async Task<Property> R20_a_refused_share_creates_no_grants(ShareAttempt attempt)
    {
        var world = await TestWorld.CreateAsync(Engine.Options(o => o.MaxShareRecipientsPerImage = attempt.Limit));
        foreach (var extra in PolicyArbitraries.ExtraRoots)
        {
            await world.Service.SaveAccountAsync(extra);
        }

        var image = await world.ReadyImageAsync(Alice, Guangzhou);
        if (attempt.Holders.Count > 0)
        {
            await world.Service.ShareImageAsync(new ShareImage(Alice.Id, Guangzhou.Id, image.Id, [.. attempt.Holders.Select(h => h.Id)]));
        }

        var before = await RecipientsOf(world, image);
        var shared = await world.Service.ShareImageAsync(new ShareImage(Alice.Id, Guangzhou.Id, image.Id, [.. attempt.Recipients]));
        var after = await RecipientsOf(world, image);

        var unchangedOrJustThose = shared.IsSuccess ? after.SetEquals(before.Concat(attempt.Recipients)) : after.SetEquals(before);
        return (before.SetEquals(attempt.Holders.Select(h => h.Id)) && unchangedOrJustThose).Classify(shared.IsSuccess, "shared");
    }

    // Invariant (R11): creating is allowed exactly while the account holds fewer custom images in the region than the
    // limit, whatever their states.
    [Property(MaxTest = 200)]
    public Property R11_a_new_image_is_allowed_exactly_while_the_region_holds_fewer_than_the_limit() =>
        Prop.ForAll(
            Arb.From(Gen.Choose(1, 12)),
            Arb.From(Gen.Choose(0, 14)),
            Arb.From(Gen.Elements(Enum.GetValues<ImageState>())),
            (limit, held, state) =>
            {
                var policy = Engine.With(o => o.MaxCustomImagesPerRegion = limit);
                var existing = CustomImages(Alice, Guangzhou, held).Select(i => i with { State = state });

                var created = policy.Decide(Create(Alice, Guangzhou, "new-image"), Engine.Facts(Alice, Guangzhou, catalogue: existing));

                return created.IsSuccess == (held < limit) && (created.IsSuccess || created.Failure is CustomImageQuotaExceeded);
            });

    // Invariant (R12): a plain name is accepted exactly when it has 1 to 60 characters.
    [Property(MaxTest = 200)]
    public Property R12_a_plain_name_is_accepted_exactly_when_it_has_1_to_60_characters() =>
        Prop.ForAll(
            Arb.From(from length in Gen.Choose(0, 80) from letter in Gen.Elements('a', 'Z', '7', 'é', '名') select new string(letter, length)),
            name =>
            {
                var created = Engine.Seed.Decide(Create(Alice, Guangzhou, name), Engine.Facts(Alice, Guangzhou));
                return created.IsSuccess == (name.Length is >= 1 and <= 60);
            });

    /// <summary>The facts of a situation: the caller, the region it addresses, the image and the grant it presents.</summary>
    private static ImageFacts Facts(Situation s) =>
        Engine.Facts(s.Caller, s.Region, s.Image, s.Grant is null ? [] : [s.Grant]);

    private static async Task<HashSet<AccountId>> RecipientsOf(TestWorld world, Image image) =>
        [.. (await world.Service.DescribeShareGrantsAsync(new DescribeShareGrants(Alice.Id, Guangzhou.Id, image.Id))).Value.Select(g => g.Recipient)];
}
