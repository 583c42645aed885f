using System.Collections.Immutable;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Hosting;
using ImageRules.Persistence;
using ImageRules.Policy;
using ImageRules.Policy.Requests;
using ImageRules.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ImageRules.Tests.Properties;

/// <summary>
/// Hostile input at every public entry point of <see cref="ImageService"/>: any text as an id (through its
/// <c>Parse</c>), a name, a description, a region or an account is answered with a named failure (a code, a rule, a
/// message), never an exception, and stores nothing. Every other argument of each call is valid, so the hostile one
/// is the only reason to refuse. Null arguments are programmer errors: <see cref="ArgumentNullException"/> naming
/// the parameter.
/// </summary>
public partial class BadInputProperties
{
    private const string AccountNotFound = "InvalidAccountId.NotFound";
    private const string RegionNotFound = "InvalidRegion.NotFound";
    private const string ImageMalformed = "InvalidImageId.Malformed";
    private const string ImageNotFound = "InvalidImageId.NotFound";
    private const string InvalidValue = "InvalidParameterValue";
    private const string TooLarge = "InvalidParameterValue.TooLarge";

    /// <summary>Alice's image, shared with Bob; Alice's second, Normal image; and a public image.</summary>
    private static readonly Image Shared = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);

    private static readonly World Fixture = new(
        [.. Sample.Regions],
        [.. Sample.Accounts],
        [Sample.PublicImage(Sample.Guangzhou), Shared],
        [Sample.Grant(Shared, Sample.Bob)]);

    private static readonly RegionId Guangzhou = Sample.Guangzhou.Id;
    private static readonly AccountId Alice = Sample.Alice.Id;

    /// <summary>A call with one hostile argument, by name; it answers with the failure, or null on success.</summary>
    private delegate Failure? HostileCall(ImageService service, string? text);

    [RuleProperty(300)]
    public void R7_R23_any_text_as_an_account_id_is_an_unknown_account_everywhere_and_stores_nothing(HostileText text)
    {
        var account = text.Text;
        if (Fixture.Accounts.Any(a => a.Id.Value == account))
        {
            return;
        }

        RefusedEverywhere(text, [AccountNotFound], new Dictionary<string, HostileCall>
        {
            ["DecideLaunchAsync"] = (s, t) => Refusal(AccountId.Parse(t), a => s.DecideLaunchAsync(a, Guangzhou, Shared.Id)),
            ["DescribeImagesAsync"] = (s, t) => Refusal(AccountId.Parse(t), a => s.DescribeImagesAsync(a, Guangzhou)),
            ["GetQuotaAsync"] = (s, t) => Refusal(AccountId.Parse(t), a => s.GetQuotaAsync(a, Guangzhou)),
            ["CreateImageAsync"] = (s, t) => Refusal(AccountId.Parse(t), a => s.CreateImageAsync(a, Sample.Create(Sample.Guangzhou))),
            ["ImportImageAsync"] = (s, t) => Refusal(AccountId.Parse(t), a => s.ImportImageAsync(a, Sample.Import(Sample.Guangzhou))),
            ["CopyImageAsync"] = (s, t) => Refusal(AccountId.Parse(t), a => s.CopyImageAsync(a, Guangzhou, new CopyImageRequest(Shared.Id, Sample.Shanghai.Id))),
            ["ModifyImageAsync"] = (s, t) => Refusal(AccountId.Parse(t), a => s.ModifyImageAsync(a, Guangzhou, new ModifyImageRequest(Shared.Id, "renamed"))),
            ["DeleteImageAsync"] = (s, t) => Refusal(AccountId.Parse(t), a => s.DeleteImageAsync(a, Guangzhou, Shared.Id)),
            ["ShareImageAsync caller"] = (s, t) => Refusal(AccountId.Parse(t), a => s.ShareImageAsync(a, Guangzhou, Shared.Id, [Sample.Carol.Id])),
            ["ShareImageAsync recipients"] = (s, t) => Refusal(AccountId.Parse(t), a => s.ShareImageAsync(Alice, Guangzhou, Shared.Id, [Sample.Carol.Id, a])),
            ["CancelSharingAsync caller"] = (s, t) => Refusal(AccountId.Parse(t), a => s.CancelSharingAsync(a, Guangzhou, Shared.Id, [Sample.Bob.Id])),
            ["CancelSharingAsync recipients"] = (s, t) => Refusal(AccountId.Parse(t), a => s.CancelSharingAsync(Alice, Guangzhou, Shared.Id, [Sample.Bob.Id, a])),
            ["CancelAllSharingAsync"] = (s, t) => Refusal(AccountId.Parse(t), a => s.CancelAllSharingAsync(a, Guangzhou, Shared.Id)),
            ["DescribeSharePermissionsAsync"] = (s, t) => Refusal(AccountId.Parse(t), a => s.DescribeSharePermissionsAsync(a, Guangzhou, Shared.Id)),
        });
    }

    [RuleProperty(300)]
    public void R7_R14_any_text_as_a_region_is_an_unknown_region_everywhere_and_stores_nothing(HostileText text)
    {
        var region = text.Text;
        if (Fixture.Regions.Any(r => r.Id.Value == region))
        {
            return;
        }

        RefusedEverywhere(text, [RegionNotFound], new Dictionary<string, HostileCall>
        {
            ["DecideLaunchAsync"] = (s, t) => Refusal(RegionId.Parse(t), r => s.DecideLaunchAsync(Alice, r, Shared.Id)),
            ["DescribeImagesAsync"] = (s, t) => Refusal(RegionId.Parse(t), r => s.DescribeImagesAsync(Alice, r)),
            ["GetQuotaAsync"] = (s, t) => Refusal(RegionId.Parse(t), r => s.GetQuotaAsync(Alice, r)),
            ["CreateImageAsync"] = (s, t) => Refusal(RegionId.Parse(t), r => s.CreateImageAsync(Alice, Sample.Create(Sample.Guangzhou) with { Region = r })),
            ["ImportImageAsync"] = (s, t) => Refusal(RegionId.Parse(t), r => s.ImportImageAsync(Alice, Sample.Import(Sample.Guangzhou) with { Region = r })),
            ["CopyImageAsync region"] = (s, t) => Refusal(RegionId.Parse(t), r => s.CopyImageAsync(Alice, r, new CopyImageRequest(Shared.Id, Sample.Shanghai.Id))),
            ["CopyImageAsync target"] = (s, t) => Refusal(RegionId.Parse(t), r => s.CopyImageAsync(Alice, Guangzhou, new CopyImageRequest(Shared.Id, r))),
            ["ModifyImageAsync"] = (s, t) => Refusal(RegionId.Parse(t), r => s.ModifyImageAsync(Alice, r, new ModifyImageRequest(Shared.Id, "renamed"))),
            ["DeleteImageAsync"] = (s, t) => Refusal(RegionId.Parse(t), r => s.DeleteImageAsync(Alice, r, Shared.Id)),
            ["ShareImageAsync"] = (s, t) => Refusal(RegionId.Parse(t), r => s.ShareImageAsync(Alice, r, Shared.Id, [Sample.Carol.Id])),
            ["CancelSharingAsync"] = (s, t) => Refusal(RegionId.Parse(t), r => s.CancelSharingAsync(Alice, r, Shared.Id, [Sample.Bob.Id])),
            ["CancelAllSharingAsync"] = (s, t) => Refusal(RegionId.Parse(t), r => s.CancelAllSharingAsync(Alice, r, Shared.Id)),
            ["DescribeSharePermissionsAsync"] = (s, t) => Refusal(RegionId.Parse(t), r => s.DescribeSharePermissionsAsync(Alice, r, Shared.Id)),
        });
    }

    [RuleProperty(300)]
    public void R6_R7_any_text_as_an_image_id_is_malformed_or_not_found_everywhere_and_stores_nothing(HostileText text)
    {
        var image = text.Text;
        if (Fixture.Images.Any(i => i.Id.Value == image))
        {
            return;
        }

        RefusedEverywhere(text, [ImageMalformed, ImageNotFound], new Dictionary<string, HostileCall>
        {
            ["DecideLaunchAsync"] = (s, t) => Refusal(ImageId.Parse(t), i => s.DecideLaunchAsync(Alice, Guangzhou, i)),
            ["CompleteImageAsync"] = (s, t) => Refusal(ImageId.Parse(t), i => s.CompleteImageAsync(i, succeeded: true)),
            ["CopyImageAsync"] = (s, t) => Refusal(ImageId.Parse(t), i => s.CopyImageAsync(Alice, Guangzhou, new CopyImageRequest(i, Sample.Shanghai.Id))),
            ["ModifyImageAsync"] = (s, t) => Refusal(ImageId.Parse(t), i => s.ModifyImageAsync(Alice, Guangzhou, new ModifyImageRequest(i, "renamed"))),
            ["DeleteImageAsync"] = (s, t) => Refusal(ImageId.Parse(t), i => s.DeleteImageAsync(Alice, Guangzhou, i)),
            ["ShareImageAsync"] = (s, t) => Refusal(ImageId.Parse(t), i => s.ShareImageAsync(Alice, Guangzhou, i, [Sample.Carol.Id])),
            ["CancelSharingAsync"] = (s, t) => Refusal(ImageId.Parse(t), i => s.CancelSharingAsync(Alice, Guangzhou, i, [Sample.Bob.Id])),
            ["CancelAllSharingAsync"] = (s, t) => Refusal(ImageId.Parse(t), i => s.CancelAllSharingAsync(Alice, Guangzhou, i)),
            ["DescribeSharePermissionsAsync"] = (s, t) => Refusal(ImageId.Parse(t), i => s.DescribeSharePermissionsAsync(Alice, Guangzhou, i)),
        });
    }

    [RuleProperty(300)]
    public void R10_any_malformed_text_as_an_instance_id_is_refused_and_stores_nothing(HostileText text)
    {
        if (text.Text is { } instance && WellFormedInstance().IsMatch(instance))
        {
            return;
        }

        RefusedEverywhere(text, ["InvalidInstanceId.Malformed"], new Dictionary<string, HostileCall>
        {
            ["CreateImageAsync"] = (s, t) => Refusal(InstanceId.Parse(t), i => s.CreateImageAsync(Alice, Sample.Create(Sample.Guangzhou) with { Instance = i })),
        });
    }

    [RuleProperty(300)]
    public Property R12_any_invalid_name_is_refused_everywhere_and_stores_nothing() =>
        Prop.ForAll(WorldArbitraries.InvalidImageNames().ToArbitrary(), text => RefusedEverywhere(text, [InvalidValue, TooLarge], new Dictionary<string, HostileCall>
        {
            ["CreateImageAsync"] = (s, t) => Refusal(s.CreateImageAsync(Alice, Sample.Create(Sample.Guangzhou, t!))),
            ["ImportImageAsync"] = (s, t) => Refusal(s.ImportImageAsync(Alice, Sample.Import(Sample.Guangzhou, t!))),
            ["CopyImageAsync"] = (s, t) => Refusal(s.CopyImageAsync(Alice, Guangzhou, new CopyImageRequest(Shared.Id, Sample.Shanghai.Id, t))),
            ["ModifyImageAsync"] = (s, t) => Refusal(s.ModifyImageAsync(Alice, Guangzhou, new ModifyImageRequest(Shared.Id, t ?? string.Empty))),
        }));

    [RuleProperty(300)]
    public Property R12_any_description_over_256_characters_is_refused_everywhere_and_stores_nothing() =>
        Prop.ForAll(WorldArbitraries.OverlongDescriptions().ToArbitrary(), text => RefusedEverywhere(text, [TooLarge], new Dictionary<string, HostileCall>
        {
            ["CreateImageAsync"] = (s, t) => Refusal(s.CreateImageAsync(Alice, Sample.Create(Sample.Guangzhou) with { Description = t! })),
            ["ImportImageAsync"] = (s, t) => Refusal(s.ImportImageAsync(Alice, Sample.Import(Sample.Guangzhou) with { Description = t! })),
            ["ModifyImageAsync"] = (s, t) => Refusal(s.ModifyImageAsync(Alice, Guangzhou, new ModifyImageRequest(Shared.Id, Description: t))),
        }));

    [RuleProperty(300)]
    public void R18_any_text_as_an_import_url_or_operating_system_type_is_refused_and_stores_nothing(HostileText text)
    {
        RefusedEverywhere(text, ["InvalidParameter.InvalidParameterUrlError", "InvalidParameterValue.ISOMustImportByForce", "InvalidImageOsType.Unsupported", "InvalidImageOsVersion.Unsupported"], new Dictionary<string, HostileCall>
        {
            ["ImportImageAsync url"] = (s, t) => Refusal(s.ImportImageAsync(Alice, Sample.Import(Sample.Guangzhou) with { Url = t! })),
            ["ImportImageAsync osType"] = (s, t) => Refusal(s.ImportImageAsync(Alice, Sample.Import(Sample.Guangzhou) with { OsType = t! })),
        });
    }

    public static TheoryData<string, string> NullArguments() => new()
    {
        { nameof(ImageService.CreateImageAsync), "request" },
        { nameof(ImageService.ImportImageAsync), "request" },
        { nameof(ImageService.CopyImageAsync), "request" },
        { nameof(ImageService.ModifyImageAsync), "request" },
        { nameof(ImageService.ShareImageAsync), "recipients" },
        { nameof(ImageService.CancelSharingAsync), "recipients" },
        { nameof(ImageService.SaveRegionAsync), "region" },
        { nameof(ImageService.SaveAccountAsync), "account" },
        { nameof(ImageService.PublishPublicImageAsync), "image" },
        { nameof(ImageService.SeedAsync), "catalogue" },
        { "new ImageService policy", "policy" },
        { "new ImageService images", "images" },
        { "new ImageService grants", "grants" },
        { "new ImageService accounts", "accounts" },
        { "new ImageService regions", "regions" },
        { "new ImageService ids", "ids" },
        { "new ImageService time", "time" },
    };

    [Theory]
    [MemberData(nameof(NullArguments))]
    public async Task R7_null_arguments_throw_ArgumentNullException_naming_the_parameter(string entryPoint, string parameter)
    {
        var service = ServiceUnderTest.Start(Fixture, ImageRulesOptions.Seed).Service;
        var store = new InMemoryImageStore();
        var policy = new ImagePolicy();
        var accounts = new InMemoryAccountRepository();
        var regions = new InMemoryRegionRepository();
        var ids = new SequentialImageIds();
        var clock = new FakeTimeProvider();
        Func<Task> call = entryPoint switch
        {
            nameof(ImageService.CreateImageAsync) => async () => await service.CreateImageAsync(Alice, null!),
            nameof(ImageService.ImportImageAsync) => async () => await service.ImportImageAsync(Alice, null!),
            nameof(ImageService.CopyImageAsync) => async () => await service.CopyImageAsync(Alice, Guangzhou, null!),
            nameof(ImageService.ModifyImageAsync) => async () => await service.ModifyImageAsync(Alice, Guangzhou, null!),
            nameof(ImageService.ShareImageAsync) => async () => await service.ShareImageAsync(Alice, Guangzhou, Shared.Id, null!),
            nameof(ImageService.CancelSharingAsync) => async () => await service.CancelSharingAsync(Alice, Guangzhou, Shared.Id, null!),
            nameof(ImageService.SaveRegionAsync) => async () => await service.SaveRegionAsync(null!),
            nameof(ImageService.SaveAccountAsync) => async () => await service.SaveAccountAsync(null!),
            nameof(ImageService.PublishPublicImageAsync) => async () => await service.PublishPublicImageAsync(null!),
            nameof(ImageService.SeedAsync) => async () => await service.SeedAsync((ProviderCatalogue)null!),
            "new ImageService policy" => Construct(() => new ImageService(null!, store, store, accounts, regions, ids, clock)),
            "new ImageService images" => Construct(() => new ImageService(policy, null!, store, accounts, regions, ids, clock)),
            "new ImageService grants" => Construct(() => new ImageService(policy, store, null!, accounts, regions, ids, clock)),
            "new ImageService accounts" => Construct(() => new ImageService(policy, store, store, null!, regions, ids, clock)),
            "new ImageService regions" => Construct(() => new ImageService(policy, store, store, accounts, null!, ids, clock)),
            "new ImageService ids" => Construct(() => new ImageService(policy, store, store, accounts, regions, null!, clock)),
            "new ImageService time" => Construct(() => new ImageService(policy, store, store, accounts, regions, ids, null!)),
            _ => throw new ArgumentOutOfRangeException(nameof(entryPoint), entryPoint, "no such entry point"),
        };

        var thrown = await Assert.ThrowsAsync<ArgumentNullException>(call);

        Assert.Equal(parameter, thrown.ParamName);
    }

    /// <summary>RULES.md's instance id: <c>ins-</c> and 8 lowercase letters or digits.</summary>
    [GeneratedRegex("^ins-[a-z0-9]{8}$")]
    private static partial Regex WellFormedInstance();

    private static Func<Task> Construct(Func<ImageService> construct) => () =>
    {
        construct();
        return Task.CompletedTask;
    };

    /// <summary>The failure of a call whose hostile argument is parsed first: the parse's failure, or the call's.</summary>
    private static Failure? Refusal<TId, T>(Result<TId> parsed, Func<TId, ValueTask<Result<T>>> call) =>
        parsed.TryGetValue(out var id, out var failure) ? Refusal(call(id)) : failure;

    private static Failure? Refusal<T>(ValueTask<Result<T>> call) => ServiceUnderTest.Sync(call).Failure;

    /// <summary>
    /// Makes every call with <paramref name="text"/>, each on a fresh service, and requires a named failure whose
    /// code is one of <paramref name="codes"/>, with a rule and a one-line message, and nothing stored.
    /// </summary>
    private static void RefusedEverywhere(HostileText text, ImmutableArray<string> codes, Dictionary<string, HostileCall> calls)
    {
        foreach (var (entryPoint, call) in calls)
        {
            var world = ServiceUnderTest.Start(Fixture, ImageRulesOptions.Seed);
            var known = Fixture.Images.Select(i => i.Id).ToArray();
            var before = world.Snapshot(known);
            var refused = call(world.Service, text.Text);
            var after = world.Snapshot(known);
            if (refused is null || !codes.Contains(refused.Code) || !refused.Rule.StartsWith('R') || refused.Message.Length == 0 || refused.Message.Contains('\n', StringComparison.Ordinal))
            {
                throw new PropertyViolation($"{entryPoint} with {text} answered {refused?.ToString() ?? "success"} (rule {refused?.Rule}); expected one of {string.Join(", ", codes)}");
            }

            if (after != before)
            {
                throw new PropertyViolation($"{entryPoint} with {text} was refused but stored something:{Environment.NewLine}{before}{Environment.NewLine}{after}");
            }
        }
    }
}
