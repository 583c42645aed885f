using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ImageRules.AspNetCore.Authentication;
using ImageRules.Domain;
using ImageRules.Policy;

namespace ImageRules.Samples.ImageApi;

/// <summary>
/// Who exists in the stand-in and how the rules are set: a profile (and single overrides) and accounts with their API
/// keys. Read from a world file (<c>--world FILE</c>, see <c>world.example.json</c>) or, without one, the demo world.
/// </summary>
/// <param name="Profile">The rules' profile.</param>
/// <param name="Options">Single overrides of the profile's figures, as <see cref="ImageRulesOptions"/> names them.</param>
/// <param name="Accounts">The accounts and their keys.</param>
internal sealed record World(ImageRulesProfile Profile, WorldOptions? Options, IReadOnlyList<WorldAccount> Accounts)
{
    /// <summary>The demo accounts of <see cref="DemoWorld"/>, each with the documented demo key <c>AKIDdemo{id}</c> / <c>demo-secret-{id}</c>.</summary>
    public static World Demo { get; } = new(
        ImageRulesProfile.Seed,
        null,
        [.. DemoWorld.Accounts.Select(a => new WorldAccount(a.Id.Value, a.HomeRegion.Value, a.IsRoot, [new WorldCredential($"AKIDdemo{a.Id}", $"demo-secret-{a.Id}")]))]);

    /// <summary>Reads a world file.</summary>
    /// <exception cref="InvalidDataException">The file is not a world: the message says what is wrong.</exception>
    public static World Read(string path)
    {
        World? world;
        try
        {
            world = JsonSerializer.Deserialize(File.ReadAllBytes(path), WorldJson.Default.World);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"world file `{path}` is not a world: {exception.Message}", exception);
        }

        if (world is null)
        {
            throw new InvalidDataException($"world file `{path}` is empty");
        }

        if (world.Problem() is { } problem)
        {
            throw new InvalidDataException($"world file `{path}` is not a world: {problem}");
        }

        return world;
    }

    /// <summary>What makes this not a world (a part missing, an id malformed, a key the API would refuse), or null.</summary>
    private string? Problem()
    {
        if (Accounts is null)
        {
            return "it has no `accounts`";
        }

        for (var i = 0; i < Accounts.Count; i++)
        {
            var account = Accounts[i];
            var problem = account is null ? "is null"
                : !AccountId.TryParse(account.Id, CultureInfo.InvariantCulture, out _) ? $"has `id` `{account.Id}`, which is not an account id (digits, such as `1038493875`)"
                : !RegionId.TryParse(account.HomeRegion, CultureInfo.InvariantCulture, out _) ? $"has `homeRegion` `{account.HomeRegion}`, which is not a region id (such as `ap-guangzhou`)"
                : account.Credentials is null || account.Credentials.Any(c => c is null) ? "has no `credentials` list, or a null in it"
                : null;
            if (problem is not null)
            {
                return $"account {i} {problem}";
            }
        }

        try
        {
            // The keys as the API will hold them: each valid, no secret id twice.
            _ = new InMemoryApiCredentials(ToCredentials());
            return null;
        }
        catch (ArgumentException exception)
        {
            return $"a credential is refused: {exception.Message}";
        }
    }

    /// <summary>The accounts as the library keeps them.</summary>
    public IEnumerable<Account> ToAccounts() =>
        Accounts.Select(a => new Account(AccountId.Parse(a.Id, CultureInfo.InvariantCulture), RegionId.Parse(a.HomeRegion, CultureInfo.InvariantCulture), a.Root ? AccountKind.Root : AccountKind.Collaborator));

    /// <summary>Every account's keys.</summary>
    public IEnumerable<ApiCredential> ToCredentials() =>
        Accounts.SelectMany(a => a.Credentials.Select(c => new ApiCredential(c.SecretId, c.SecretKey, AccountId.Parse(a.Id, CultureInfo.InvariantCulture))));

    /// <summary>Applies the profile and overrides to the library's options.</summary>
    public void Configure(ImageRulesOptions options)
    {
        options.Profile = Profile;
        options.MaxCustomImagesPerRegion = Options?.MaxCustomImagesPerRegion ?? options.MaxCustomImagesPerRegion;
        options.MaxShareRecipientsPerImage = Options?.MaxShareRecipientsPerImage ?? options.MaxShareRecipientsPerImage;
        options.RecipientsMayCopyWithinRegion = Options?.RecipientsMayCopyWithinRegion ?? options.RecipientsMayCopyWithinRegion;
        options.AllowCopyAcrossMainlandBorder = Options?.AllowCopyAcrossMainlandBorder ?? options.AllowCopyAcrossMainlandBorder;
    }
}

/// <summary>Single overrides of a profile's figures.</summary>
internal sealed record WorldOptions(int? MaxCustomImagesPerRegion, int? MaxShareRecipientsPerImage, bool? RecipientsMayCopyWithinRegion, bool? AllowCopyAcrossMainlandBorder);

/// <summary>An account of the world: <c>root: false</c> is a collaborator (sub-)account.</summary>
internal sealed record WorldAccount(string Id, string HomeRegion, bool Root, IReadOnlyList<WorldCredential> Credentials);

/// <summary>One API key of an account.</summary>
internal sealed record WorldCredential(string SecretId, string SecretKey);

/// <summary>World files in camelCase JSON, profiles by name.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(World))]
internal sealed partial class WorldJson : JsonSerializerContext;
