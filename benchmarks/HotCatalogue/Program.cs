using System.Diagnostics;
using ImageRules.Application;
using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.PostgreSql;
using ImageRules.Relational;
using ImageRules.Sqlite;
using Npgsql;

// Writers racing on one catalogue, over two service instances (two stores, two pools) on one database, as two hosts
// would run them. Prints, per engine: the hot catalogue (workers sharing and cancelling one image for a fixed time:
// operations/s and how many were answered FailedOperation.ConcurrentModification) and the 80-share race (80 shares of
// one image at once, 50 allowed: successes and refusals per round). Usage:
//   dotnet run -c Release --project benchmarks/HotCatalogue -- [sqlite|postgres|both] [seconds=5] [workers=16] [rounds=5]
// PostgreSQL needs IMAGERULES_POSTGRES (a connection string); each run works in a fresh schema it drops afterwards.
var engines = args.Length > 0 ? args[0] : "both";
var seconds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
var workers = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 16;
var rounds = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 5;
ThreadPool.SetMinThreads(workers + 8, workers + 8);

if (engines is "sqlite" or "both")
{
    await RunAsync(await Engine.SqliteAsync(), seconds, workers, rounds);
}

if (engines is "postgres" or "both")
{
    await RunAsync(await Engine.PostgresAsync(), seconds, workers, rounds);
}

static async Task RunAsync(Engine engine, int seconds, int workers, int rounds)
{
    try
    {
        var world = await World.CreateAsync(engine, recipients: Math.Max(80, workers));
        await HotCatalogueAsync(engine, world, TimeSpan.FromSeconds(seconds), workers);
        await RaceAsync(engine, world, rounds);
        await world.DisposeAsync();
    }
    finally
    {
        await engine.DropAsync();
    }
}

// Each worker shares the one image with its own recipient, then cancels, as fast as it can: every operation writes the
// same catalogue (the owner's images in the region).
static async Task HotCatalogueAsync(Engine engine, World world, TimeSpan duration, int workers)
{
    var image = await world.ReadyImageAsync("hot");
    var succeeded = 0;
    var conflicts = 0;
    var other = 0;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
    {
        var service = world.Instances[w % 2];
        var recipient = world.Recipients[w];
        var shared = false;
        while (clock.Elapsed < duration)
        {
            var failure = shared
                ? (await service.CancelSharingAsync(new CancelSharing(World.Owner.Id, World.Region.Id, image.Id, [recipient]))).Failure
                : (await service.ShareImageAsync(new ShareImage(World.Owner.Id, World.Region.Id, image.Id, [recipient]))).Failure;
            switch (failure)
            {
                case null:
                    Interlocked.Increment(ref succeeded);
                    shared = !shared;
                    break;
                case ConcurrentModification:
                    Interlocked.Increment(ref conflicts);
                    break;
                default:
                    Interlocked.Increment(ref other);
                    break;
            }
        }
    })));
    var elapsed = clock.Elapsed.TotalSeconds;
    var total = succeeded + conflicts + other;
    Console.WriteLine(
        $"{engine.Name} hot catalogue, {workers} workers x share/cancel, {elapsed:F1} s: {succeeded / elapsed:F0} ops/s succeeded; " +
        $"{conflicts} of {total} answered ConcurrentModification ({100.0 * conflicts / Math.Max(1, total):F1} %); {other} other refusals");
}

// 80 shares of one fresh image at once, alternating between the instances; 50 may succeed (R21).
static async Task RaceAsync(Engine engine, World world, int rounds)
{
    for (var round = 1; round <= rounds; round++)
    {
        var image = await world.ReadyImageAsync($"race-{round}");
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = world.Recipients.Take(80).Select((recipient, i) => Task.Run(async () =>
        {
            await start.Task;
            return (await world.Instances[i % 2].ShareImageAsync(new ShareImage(World.Owner.Id, World.Region.Id, image.Id, [recipient]))).Failure?.Code ?? "success";
        })).ToArray();
        start.SetResult();
        var outcomes = await Task.WhenAll(racers);
        Console.WriteLine($"{engine.Name} 80-share race, round {round}: " + string.Join(", ", outcomes.GroupBy(o => o).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")));
    }
}

/// <summary>A database for one run, and how to make instances over it.</summary>
internal sealed class Engine(string name, Func<RelationalDatabase> open, Func<Task> drop)
{
    public string Name => name;

    public RelationalDatabase Open() => open();

    public Task DropAsync() => drop();

    public static Task<Engine> SqliteAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hot-catalogue-{Guid.NewGuid():N}.db");
        var instances = 0;

        // Each instance its own pool (pools are per connection string), as two processes would have.
        return Task.FromResult(new Engine(
            "SQLite",
            () => new SqliteDatabase($"Data Source={path};Default Timeout={30 + Interlocked.Increment(ref instances)}"),
            () =>
            {
                foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + "*"))
                {
                    File.Delete(file);
                }

                return Task.CompletedTask;
            }));
    }

    public static async Task<Engine> PostgresAsync()
    {
        var server = Environment.GetEnvironmentVariable("IMAGERULES_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("set IMAGERULES_POSTGRES to a PostgreSQL connection string");
        var schema = $"hot{Guid.NewGuid():N}";
        await RunAsync(server, $"CREATE SCHEMA {schema}");
        var connection = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema, MaxPoolSize = 40 }.ToString();
        return new Engine("PostgreSQL", () => new PostgreSqlDatabase(connection), async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await RunAsync(server, $"DROP SCHEMA {schema} CASCADE");
        });
    }

    private static async Task RunAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>Two service instances over one database, with a region, an owner and recipients saved.</summary>
internal sealed class World : IAsyncDisposable
{
    public static readonly Region Region = new(new("ap-guangzhou"), "South China (Guangzhou)", IsChineseMainland: true, ChargesWindowsLicenceFee: false);
    public static readonly Account Owner = new(new("1038493875"), Region.Id);

    private readonly RelationalImageStore[] stores;

    private World(RelationalImageStore[] stores, AccountId[] recipients)
    {
        this.stores = stores;
        Instances = [.. stores.Select(s => new ImageService(new ImagePolicy(), s, new RandomImageIdGenerator(), TimeProvider.System))];
        Recipients = recipients;
    }

    public ImageService[] Instances { get; }

    public AccountId[] Recipients { get; }

    public static async Task<World> CreateAsync(Engine engine, int recipients)
    {
        var ids = Enumerable.Range(1, recipients).Select(i => new AccountId($"5{i:D9}")).ToArray();
        var world = new World([new RelationalImageStore(engine.Open()), new RelationalImageStore(engine.Open())], ids);
        var service = world.Instances[0];
        await service.SaveRegionAsync(Region);
        await service.SaveAccountAsync(Owner);
        foreach (var id in ids)
        {
            await service.SaveAccountAsync(new Account(id, Region.Id));
        }

        return world;
    }

    /// <summary>A new image of the owner, completed, so it may be shared.</summary>
    public async Task<Image> ReadyImageAsync(string name)
    {
        var created = await Instances[0].CreateImageAsync(new CreateImage(
            Owner.Id, Region.Id, new InstanceId("ins-2zvx0a1b"), name, OperatingSystem: new ImageOperatingSystem(OsFamily.Linux, OsPlatform.TencentOS, "TencentOS Server 3.1 (TK4)"), Architecture: Architecture.X86_64, SizeGiB: 50));
        return (await Instances[0].CompleteImageAsync(created.Value.Image.Id, succeeded: true)).Value.Image;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }
    }
}
