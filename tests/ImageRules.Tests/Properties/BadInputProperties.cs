using System.Collections.Immutable;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Storage;
using ImageRules.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Requests = ImageRules.Policy;

namespace ImageRules.Tests.Properties;

/// <summary>
/// Hostile input at every public entry point of <see cref="ImageService"/>: any text as an id (read through
/// <see cref="Ids"/>, as a host answering the provider's API reads it), a name, a description, a region or an account
/// is answered with a named failure (its type, the provider's code, a one-line message), never an exception, and
/// stores nothing. Every other argument of each call is valid, so the hostile one is the only reason to refuse. Null
/// arguments are programmer errors: <see cref="ArgumentNullException"/> naming the parameter.
/// </summary>
public partial class BadInputProperties
{
    /// <summary>Alice's image, shared with Bob, and a public image.</summary>
    private static readonly Image Shared = Sample.CustomImage(Sample.Alice, Sample.Guangzhou);

    private static readonly World Fixture = new(
        [.. Sample.Regions],
        [.. Sample.Accounts],
        [Sample.PublicImage(Sample.Guangzhou), Shared],
        [Sample.Grant(Shared, Sample.Bob)]);

    private static readonly RegionId Guangzhou = Sample.Guangzhou.Id;
    private static readonly AccountId Alice = Sample.Alice.Id;
    private static readonly RegionId Shanghai = Sample.Shanghai.Id;

    /// <summary>A call with one hostile argument, by name; it answers with the failure, or null on success.</summary>
    private delegate Failure? HostileCall(ImageService service, string? text);

    // Invariant: any text that is no known account id, given as the caller or a recipient, is answered
    // AccountNotFound by every entry point, and nothing is stored.
    [RuleProperty(300)]
    public void R7_R23_any_text_as_an_account_id_is_an_unknown_account_everywhere_and_stores_nothing(HostileText text)
    {
        var account = text.Text;
        if (Fixture.Accounts.Any(a => a.Id.Value == account))
        {
            return;
        }

        RefusedEverywhere(text, [typeof(AccountNotFound)], new Dictionary<string, HostileCall>
        {
            ["LaunchAsync"] = (s, t) => Refusal(Ids.Account(t), a => s.LaunchAsync(new LaunchImage(a, Guangzhou, Shared.Id))),
            ["GetImageAsync"] = (s, t) => Refusal(Ids.Account(t), a => s.GetImageAsync(new GetImage(a, Guangzhou, Shared.Id))),
            ["DescribeImagesAsync"] = (s, t) => Refusal(Ids.Account(t), a => s.DescribeImagesAsync(new Requests.DescribeImages(a, Guangzhou))),
            ["DescribeQuotaAsync"] = (s, t) => Refusal(Ids.Account(t), a => s.DescribeQuotaAsync(new DescribeQuota(a, Guangzhou))),
            ["CreateImageAsync"] = (s, t) => Refusal(Ids.Account(t), a => s.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou) with { Caller = a })),
            ["ImportImageAsync"] = (s, t) => Refusal(Ids.Account(t), a => s.ImportImageAsync(Sample.Import(Sample.Alice, Sample.Guangzhou) with { Caller = a })),
            ["CopyImageAsync"] = (s, t) => Refusal(Ids.Account(t), a => s.CopyImageAsync(new Requests.CopyImage(a, Guangzhou, Shared.Id, Shanghai))),
            ["ModifyImageAsync"] = (s, t) => Refusal(Ids.Account(t), a => s.ModifyImageAsync(new Requests.ModifyImage(a, Guangzhou, Shared.Id, "renamed"))),
            ["DeleteImageAsync"] = (s, t) => Refusal(Ids.Account(t), a => s.DeleteImageAsync(new Requests.DeleteImage(a, Guangzhou, Shared.Id))),
            ["ShareImageAsync caller"] = (s, t) => Refusal(Ids.Account(t), a => s.ShareImageAsync(new Requests.ShareImage(a, Guangzhou, Shared.Id, [Sample.Carol.Id]))),
            ["ShareImageAsync recipients"] = (s, t) => Refusal(Ids.Accounts([Sample.Carol.Id.Value, t]), a => s.ShareImageAsync(new Requests.ShareImage(Alice, Guangzhou, Shared.Id, a))),
            ["CancelSharingAsync caller"] = (s, t) => Refusal(Ids.Account(t), a => s.CancelSharingAsync(new Requests.CancelSharing(a, Guangzhou, Shared.Id, [Sample.Bob.Id]))),
            ["CancelSharingAsync recipients"] = (s, t) => Refusal(Ids.Accounts([Sample.Bob.Id.Value, t]), a => s.CancelSharingAsync(new Requests.CancelSharing(Alice, Guangzhou, Shared.Id, a))),
            ["CancelAllSharingAsync"] = (s, t) => Refusal(Ids.Account(t), a => s.CancelAllSharingAsync(new Requests.CancelAllSharing(a, Guangzhou, Shared.Id))),
            ["DescribeShareGrantsAsync"] = (s, t) => Refusal(Ids.Account(t), a => s.DescribeShareGrantsAsync(new DescribeShareGrants(a, Guangzhou, Shared.Id))),
        });
    }

    // Invariant: any text that is no known region, given as the region addressed or a copy's target, is answered
    // RegionNotFound by every entry point, and nothing is stored.
    [RuleProperty(300)]
    public void R7_R14_any_text_as_a_region_is_an_unknown_region_everywhere_and_stores_nothing(HostileText text)
    {
        var region = text.Text;
        if (Fixture.Regions.Any(r => r.Id.Value == region))
        {
            return;
        }

        RefusedEverywhere(text, [typeof(RegionNotFound)], new Dictionary<string, HostileCall>
        {
            ["LaunchAsync"] = (s, t) => Refusal(Ids.Region(t), r => s.LaunchAsync(new LaunchImage(Alice, r, Shared.Id))),
            ["GetImageAsync"] = (s, t) => Refusal(Ids.Region(t), r => s.GetImageAsync(new GetImage(Alice, r, Shared.Id))),
            ["DescribeImagesAsync"] = (s, t) => Refusal(Ids.Region(t), r => s.DescribeImagesAsync(new Requests.DescribeImages(Alice, r))),
            ["DescribeQuotaAsync"] = (s, t) => Refusal(Ids.Region(t), r => s.DescribeQuotaAsync(new DescribeQuota(Alice, r))),
            ["CreateImageAsync"] = (s, t) => Refusal(Ids.Region(t), r => s.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou) with { Region = r })),
            ["ImportImageAsync"] = (s, t) => Refusal(Ids.Region(t), r => s.ImportImageAsync(Sample.Import(Sample.Alice, Sample.Guangzhou) with { Region = r })),
            ["CopyImageAsync region"] = (s, t) => Refusal(Ids.Region(t), r => s.CopyImageAsync(new Requests.CopyImage(Alice, r, Shared.Id, Shanghai))),
            ["CopyImageAsync target"] = (s, t) => Refusal(Ids.Region(t), r => s.CopyImageAsync(new Requests.CopyImage(Alice, Guangzhou, Shared.Id, r))),
            ["ModifyImageAsync"] = (s, t) => Refusal(Ids.Region(t), r => s.ModifyImageAsync(new Requests.ModifyImage(Alice, r, Shared.Id, "renamed"))),
            ["DeleteImageAsync"] = (s, t) => Refusal(Ids.Region(t), r => s.DeleteImageAsync(new Requests.DeleteImage(Alice, r, Shared.Id))),
            ["ShareImageAsync"] = (s, t) => Refusal(Ids.Region(t), r => s.ShareImageAsync(new Requests.ShareImage(Alice, r, Shared.Id, [Sample.Carol.Id]))),
            ["CancelSharingAsync"] = (s, t) => Refusal(Ids.Region(t), r => s.CancelSharingAsync(new Requests.CancelSharing(Alice, r, Shared.Id, [Sample.Bob.Id]))),
            ["CancelAllSharingAsync"] = (s, t) => Refusal(Ids.Region(t), r => s.CancelAllSharingAsync(new Requests.CancelAllSharing(Alice, r, Shared.Id))),
            ["DescribeShareGrantsAsync"] = (s, t) => Refusal(Ids.Region(t), r => s.DescribeShareGrantsAsync(new DescribeShareGrants(Alice, r, Shared.Id))),
        });
    }

    // Invariant: any text that is no image id of the world is answered ImageIdMalformed or ImageNotFound by every
    // entry point, and nothing is stored.
    [RuleProperty(300)]
    public void R6_R7_any_text_as_an_image_id_is_malformed_or_not_found_everywhere_and_stores_nothing(HostileText text)
    {
        var image = text.Text;
        if (Fixture.Images.Any(i => i.Id.Value == image))
        {
            return;
        }

        RefusedEverywhere(text, [typeof(ImageIdMalformed), typeof(ImageNotFound)], new Dictionary<string, HostileCall>
        {
            ["LaunchAsync"] = (s, t) => Refusal(Ids.Image(t), i => s.LaunchAsync(new LaunchImage(Alice, Guangzhou, i))),
            ["GetImageAsync"] = (s, t) => Refusal(Ids.Image(t), i => s.GetImageAsync(new GetImage(Alice, Guangzhou, i))),
            ["CompleteImageAsync"] = (s, t) => Refusal(Ids.Image(t), i => s.CompleteImageAsync(i, succeeded: true)),
            ["CopyImageAsync"] = (s, t) => Refusal(Ids.Image(t), i => s.CopyImageAsync(new Requests.CopyImage(Alice, Guangzhou, i, Shanghai))),
            ["ModifyImageAsync"] = (s, t) => Refusal(Ids.Image(t), i => s.ModifyImageAsync(new Requests.ModifyImage(Alice, Guangzhou, i, "renamed"))),
            ["DeleteImageAsync"] = (s, t) => Refusal(Ids.Image(t), i => s.DeleteImageAsync(new Requests.DeleteImage(Alice, Guangzhou, i))),
            ["ShareImageAsync"] = (s, t) => Refusal(Ids.Image(t), i => s.ShareImageAsync(new Requests.ShareImage(Alice, Guangzhou, i, [Sample.Carol.Id]))),
            ["CancelSharingAsync"] = (s, t) => Refusal(Ids.Image(t), i => s.CancelSharingAsync(new Requests.CancelSharing(Alice, Guangzhou, i, [Sample.Bob.Id]))),
            ["CancelAllSharingAsync"] = (s, t) => Refusal(Ids.Image(t), i => s.CancelAllSharingAsync(new Requests.CancelAllSharing(Alice, Guangzhou, i))),
            ["DescribeShareGrantsAsync"] = (s, t) => Refusal(Ids.Image(t), i => s.DescribeShareGrantsAsync(new DescribeShareGrants(Alice, Guangzhou, i))),
        });
    }

    // Invariant: any text that is not an instance id is answered InstanceIdMalformed, and nothing is stored.
    [RuleProperty(300)]
    public void R10_any_malformed_text_as_an_instance_id_is_refused_and_stores_nothing(HostileText text)
    {
        if (text.Text is { } instance && WellFormedInstance().IsMatch(instance))
        {
            return;
        }

        RefusedEverywhere(text, [typeof(InstanceIdMalformed)], new Dictionary<string, HostileCall>
        {
            ["CreateImageAsync"] = (s, t) => Refusal(Ids.Instance(t), i => s.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou) with { Instance = i })),
        });
    }

    // Invariant: any name that breaks R12 or R36 (blank, too long, control, format or separator characters, broken
    // text, white space at an end) is answered ParameterInvalid or ParameterTooLarge by every entry point that takes a
    // name, and nothing is stored.
    [RuleProperty(300)]
    public Property R12_R36_any_invalid_name_is_refused_everywhere_and_stores_nothing() =>
        Prop.ForAll(WorldArbitraries.InvalidImageNames().ToArbitrary(), text => RefusedEverywhere(text, [typeof(ParameterInvalid), typeof(ParameterTooLarge)], new Dictionary<string, HostileCall>
        {
            ["CreateImageAsync"] = (s, t) => Refusal(s.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou, t!))),
            ["ImportImageAsync"] = (s, t) => Refusal(s.ImportImageAsync(Sample.Import(Sample.Alice, Sample.Guangzhou, t!))),
            ["CopyImageAsync"] = (s, t) => Refusal(s.CopyImageAsync(new Requests.CopyImage(Alice, Guangzhou, Shared.Id, Shanghai, t))),
            ["ModifyImageAsync"] = (s, t) => Refusal(s.ModifyImageAsync(new Requests.ModifyImage(Alice, Guangzhou, Shared.Id, t ?? string.Empty))),
        }));

    // Invariant: any description over 256 characters is answered ParameterTooLarge by every entry point that takes
    // one, and nothing is stored; one that is also broken text, which has no normal form to measure (R36), is
    // answered ParameterInvalid instead.
    [RuleProperty(300)]
    public Property R12_any_description_over_256_characters_is_refused_everywhere_and_stores_nothing() =>
        Prop.ForAll(WorldArbitraries.OverlongDescriptions().ToArbitrary(), text => RefusedEverywhere(text, [IsBroken(text.Text) ? typeof(ParameterInvalid) : typeof(ParameterTooLarge)], new Dictionary<string, HostileCall>
        {
            ["CreateImageAsync"] = (s, t) => Refusal(s.CreateImageAsync(Sample.Create(Sample.Alice, Sample.Guangzhou) with { Description = t! })),
            ["ImportImageAsync"] = (s, t) => Refusal(s.ImportImageAsync(Sample.Import(Sample.Alice, Sample.Guangzhou) with { Description = t! })),
            ["ModifyImageAsync"] = (s, t) => Refusal(s.ModifyImageAsync(new Requests.ModifyImage(Alice, Guangzhou, Shared.Id, Description: t))),
        }));

    // Invariant: any text as an import url or an operating-system type is answered with one of R18's failures, and
    // nothing is stored.
    [RuleProperty(300)]
    public void R18_any_text_as_an_import_url_or_operating_system_type_is_refused_and_stores_nothing(HostileText text)
    {
        RefusedEverywhere(text, [typeof(ImportUrlInvalid), typeof(IsoMustImportByForce), typeof(OsTypeUnsupported), typeof(OsVersionUnsupported)], new Dictionary<string, HostileCall>
        {
            ["ImportImageAsync url"] = (s, t) => Refusal(s.ImportImageAsync(Sample.Import(Sample.Alice, Sample.Guangzhou) with { Url = t! })),
            ["ImportImageAsync osType"] = (s, t) => Refusal(s.ImportImageAsync(Sample.Import(Sample.Alice, Sample.Guangzhou) with { OsType = t! })),
        });
    }

    [Fact]
    public async Task R20_R24_a_share_or_cancel_request_whose_account_list_was_never_made_is_refused_as_missing()
    {
        var service = ServiceUnderTest.Start(Fixture, Profile.Seed).Service;

        var shared = await service.ShareImageAsync(new Requests.ShareImage(Alice, Guangzhou, Shared.Id, default));
        var cancelled = await service.CancelSharingAsync(new Requests.CancelSharing(Alice, Guangzhou, Shared.Id, default));

        Assert.Equal(new ParameterMissing("AccountIds"), shared.Failure);
        Assert.Equal(new ParameterMissing("AccountIds"), cancelled.Failure);
    }

    public static TheoryData<string, string> NullArguments() => new()
    {
        { nameof(ImageService.LaunchAsync), "request" },
        { nameof(ImageService.DecideLaunchAsync), "request" },
        { nameof(ImageService.GetImageAsync), "request" },
        { nameof(ImageService.DescribeImagesAsync), "request" },
        { nameof(ImageService.DescribeShareGrantsAsync), "request" },
        { nameof(ImageService.DescribeQuotaAsync), "request" },
        { nameof(ImageService.CreateImageAsync), "request" },
        { nameof(ImageService.ImportImageAsync), "request" },
        { nameof(ImageService.CopyImageAsync), "request" },
        { nameof(ImageService.ModifyImageAsync), "request" },
        { nameof(ImageService.DeleteImageAsync), "request" },
        { nameof(ImageService.ShareImageAsync), "request" },
        { nameof(ImageService.CancelSharingAsync), "request" },
        { nameof(ImageService.CancelAllSharingAsync), "request" },
        { nameof(ImageService.SaveRegionAsync), "region" },
        { nameof(ImageService.SaveAccountAsync), "account" },
        { nameof(ImageService.PublishPublicImageAsync), "image" },
        { nameof(ImageService.SeedAsync), "catalogue" },
        { "new ImageService policy", "policy" },
        { "new ImageService store", "store" },
        { "new ImageService ids", "ids" },
        { "new ImageService time", "time" },
    };

    // Invariant: a null argument is a programmer error, thrown as ArgumentNullException naming the parameter.
    [Theory]
    [MemberData(nameof(NullArguments))]
    public async Task R7_null_arguments_throw_ArgumentNullException_naming_the_parameter(string entryPoint, string parameter)
    {
        var service = ServiceUnderTest.Start(Fixture, Profile.Seed).Service;
        var store = new InMemoryImageStore();
        var policy = new ImagePolicy();
        var ids = new SequentialImageIds();
        var clock = new FakeTimeProvider();
        Func<Task> call = entryPoint switch
        {
            nameof(ImageService.LaunchAsync) => async () => await service.LaunchAsync(null!),
            nameof(ImageService.DecideLaunchAsync) => async () => await service.DecideLaunchAsync(null!),
            nameof(ImageService.GetImageAsync) => async () => await service.GetImageAsync(null!),
            nameof(ImageService.DescribeImagesAsync) => async () => await service.DescribeImagesAsync(null!),
            nameof(ImageService.DescribeShareGrantsAsync) => async () => await service.DescribeShareGrantsAsync(null!),
            nameof(ImageService.DescribeQuotaAsync) => async () => await service.DescribeQuotaAsync(null!),
            nameof(ImageService.CreateImageAsync) => async () => await service.CreateImageAsync(null!),
            nameof(ImageService.ImportImageAsync) => async () => await service.ImportImageAsync(null!),
            nameof(ImageService.CopyImageAsync) => async () => await service.CopyImageAsync(null!),
            nameof(ImageService.ModifyImageAsync) => async () => await service.ModifyImageAsync(null!),
            nameof(ImageService.DeleteImageAsync) => async () => await service.DeleteImageAsync(null!),
            nameof(ImageService.ShareImageAsync) => async () => await service.ShareImageAsync(null!),
            nameof(ImageService.CancelSharingAsync) => async () => await service.CancelSharingAsync(null!),
            nameof(ImageService.CancelAllSharingAsync) => async () => await service.CancelAllSharingAsync(null!),
            nameof(ImageService.SaveRegionAsync) => async () => await service.SaveRegionAsync(null!),
            nameof(ImageService.SaveAccountAsync) => async () => await service.SaveAccountAsync(null!),
            nameof(ImageService.PublishPublicImageAsync) => async () => await service.PublishPublicImageAsync(null!),
            nameof(ImageService.SeedAsync) => async () => await service.SeedAsync(null!),
            "new ImageService policy" => Construct(() => new ImageService(null!, store, ids, clock)),
            "new ImageService store" => Construct(() => new ImageService(policy, null!, ids, clock)),
            "new ImageService ids" => Construct(() => new ImageService(policy, store, null!, clock)),
            "new ImageService time" => Construct(() => new ImageService(policy, store, ids, null!)),
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

    /// <summary>True for text with an unpaired surrogate: broken text, which has no normal form (R36).</summary>
    private static bool IsBroken(string? text)
    {
        try
        {
            _ = text?.Normalize(System.Text.NormalizationForm.FormC);
            return false;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    /// <summary>
    /// Makes every call with <paramref name="text"/>, each on a fresh service, and requires a named failure of one of
    /// the <paramref name="failures"/> types, with a provider code and a one-line message, and nothing stored.
    /// </summary>
    private static void RefusedEverywhere(HostileText text, ImmutableArray<Type> failures, Dictionary<string, HostileCall> calls)
    {
        foreach (var (entryPoint, call) in calls)
        {
            var world = ServiceUnderTest.Start(Fixture, Profile.Seed);
            var known = Fixture.Images.Select(i => i.Id).ToArray();
            var before = world.Snapshot(known);
            var refused = call(world.Service, text.Text);
            var after = world.Snapshot(known);
            if (refused is null || !failures.Contains(refused.GetType()) || refused.Code.Length == 0 || refused.Message.Length == 0 || refused.Message.Contains('\n', StringComparison.Ordinal))
            {
                throw new PropertyViolation($"{entryPoint} with {text} answered {refused?.ToString() ?? "success"}; expected {string.Join(" or ", failures.Select(f => f.Name))}");
            }

            if (after != before)
            {
                throw new PropertyViolation($"{entryPoint} with {text} was refused but stored something:{Environment.NewLine}{before}{Environment.NewLine}{after}");
            }
        }
    }
}
