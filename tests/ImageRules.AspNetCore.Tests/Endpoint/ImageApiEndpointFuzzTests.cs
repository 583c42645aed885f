using System.Globalization;
using System.Text;
using ImageRules.AspNetCore.Authentication;
using ImageRules.AspNetCore.Tests.Support;
using ImageRules.AspNetCore.Wire;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;
using static ImageRules.AspNetCore.Tests.Support.ApiHost;

namespace ImageRules.AspNetCore.Tests.Endpoint;

/// <summary>
/// Hostile requests over the wire, from a fixed seed and in a bounded number: random JSON shapes, wrong types, nulls,
/// huge arrays, deep nesting, random bytes, missing and duplicated headers, bodies over the cap. Every answer must be
/// HTTP 200 with a parseable envelope carrying a RequestId, and never <c>InternalError</c> (which would be a bug).
/// </summary>
public sealed class ImageApiEndpointFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Requests = 600;

    /// <summary>The fixed seed; <c>IMAGERULES_FUZZ_SEED</c> runs another one, to explore.</summary>
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("IMAGERULES_FUZZ_SEED"), CultureInfo.InvariantCulture, out var seed) ? seed : 20261201;

    private static readonly string[] Keys =
    [
        "ImageIds", "Filters", "Name", "Values", "Offset", "Limit", "InstanceType", "ImageId", "ImageName", "ImageDescription",
        "InstanceId", "SnapshotIds", "DataDiskIds", "ForcePoweroff", "Sysprep", "DryRun", "TagSpecification", "ResourceType",
        "Tags", "Key", "Value", "AccountIds", "Permission", "DestinationRegions", "ImageSetRequired", "Architecture", "OsType",
        "OsVersion", "ImageUrl", "Force", "ImportImageDataDiskList", "Placement", "Zone", "ProjectId", "HostIds",
        "InstanceCount", "MinCount", "DataDisks", "DiskSize", "SystemDisk", "InstanceChargePrepaid", "Period",
        "InstanceChargeType", "ClientToken", "LaunchTemplate", "LaunchTemplateId", "BucketName", "ImageFamily", "Unknown",
    ];

    private static readonly string[] Scalars =
    [
        "null", "true", "false", "0", "-0", "1", "-1", "2", "5", "20", "100", "101", "500", "501", "1.5", "-1e3", "1e400",
        "2147483648", "9223372036854775807", "9223372036854775808", "18446744073709551615", "18446744073709551616", "\"\"",
        "\" \"", "\"SHARE\"", "\"CANCEL\"", "\"share\"", "\"true\"", "\"image-id\"", "\"image-type\"", "\"image-name\"",
        "\"platform\"", "\"tag:env\"", "\"PRIVATE_IMAGE\"", "\"SHARED_IMAGE\"", "\"PUBLIC_IMAGE\"", "\"\\u0000\"", "\"\\ud800\"",
        "\"\\u202e\"", "\"镜像\"", "\"\\\"\"", "\"ap-guangzhou-3\"", "\"ap-shanghai-2\"", "\"ap-guangzhou\"", "\"ap-shanghai\"",
        "\"ap-hongkong\"", "\"ap-nowhere\"", "\"x86_64\"", "\"arm\"", "\"i386\"", "\"CentOS\"", "\"Windows\"", "\"7\"", "\"2016\"",
        "\"https://b-1250000000.cos.ap-guangzhou.myqcloud.com/c.qcow2\"", "\"https://b-1250000000.cos.ap-guangzhou.myqcloud.com/c.iso\"",
        "\"ins-2zvx0a1b\"", "\"ins-1\"", "\"img-00000000\"", "\"img-\"", "\"1038493875\"", "\"2000000001\"", "\"3000000001\"",
        "\"4000000001\"", "\"PREPAID\"", "\"" + new string('n', 61) + "\"", "\"" + new string('d', 300) + "\"", "{}", "[]",
    ];

    private static readonly string[] Regions = [Guangzhou, Guangzhou, Guangzhou, Guangzhou, Shanghai, Singapore, HongKong, "ap-nowhere", "", "AP-GUANGZHOU", "ap-shanghai-fsi"];

    private static readonly ApiCredential[] Keys3 = [Owner, Recipient, Abroad];

    private ApiHost api = null!;
    private readonly List<string> ids = [];

    public async Task InitializeAsync()
    {
        api = await StartAsync();
        var shared = await api.CreateSharedImageAsync("shared");
        var spare = await api.CreateReadyImageAsync("spare");
        var creating = await api.CreateImageAsync("creating");
        var publicImage = (await api.CallAsync("DescribeImages", "{}")).AssertSuccess().GetProperty("ImageSet")[0].GetProperty("ImageId").GetString()!;
        ids.AddRange([shared, spare, creating, publicImage]);
    }

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task hostile_requests_always_answer_the_envelope_with_a_request_id_and_never_InternalError()
    {
        var random = new Random(Seed);
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Requests; i++)
        {
            var (message, story) = Next(random, i);
            using (message)
            {
                var answer = await api.SendAsync(message);
                Assert.True(answer.Code != WireErrorCodes.InternalError, $"case {i} ({story}) answered InternalError: {answer.Message}");
                outcomes[answer.Code ?? "Success"] = outcomes.GetValueOrDefault(answer.Code ?? "Success") + 1;
            }
        }

        var seen = string.Join(", ", outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key}={o.Value}"));
        output.WriteLine(seen);
        Assert.True(outcomes.Count >= 15, "too few outcomes: " + seen);
        Assert.True(outcomes.GetValueOrDefault("Success") + outcomes.GetValueOrDefault("DryRunOperation") > 0, "no request got through: " + seen);
        Assert.DoesNotContain(api.Logs.GetSnapshot(), r => r.Level >= LogLevel.Error);
        (await api.CallAsync("DescribeImages", "{}")).AssertSuccess();
    }

    [Fact]
    public async Task the_bodies_that_crashed_the_old_sample_answer_their_codes()
    {
        var ids = string.Join(",", Enumerable.Repeat("\"img-00000000\"", 60_000));
        var regions = string.Join(",", Enumerable.Repeat("\"ap-shanghai\"", 60_000));

        (await api.CallAsync("DescribeImages", """{"Filters":[null]}""")).AssertError(WireErrorCodes.InvalidParameterValue);
        (await api.CallAsync("DescribeImages", """{"Filters":[{"Name":null,"Values":[null]}]}""")).AssertError(WireErrorCodes.MissingParameter);
        (await api.CallAsync("SyncImages", $$"""{"ImageIds":[{{ids}}],"DestinationRegions":[{{regions}}]}""")).AssertError(WireErrorCodes.InvalidParameterValueLimitExceeded);
        (await api.CallAsync("DeleteImages", """{"ImageIds":[null]}""")).AssertError(WireErrorCodes.InvalidParameterValue);
        (await api.CallAsync("RunInstances", """{"Placement":null,"ImageId":null}""")).AssertError(WireErrorCodes.MissingParameter);
    }

    /// <summary>The <paramref name="index"/>th hostile request, and a line saying what it is.</summary>
    private (HttpRequestMessage Message, string Story) Next(Random random, int index)
    {
        var action = random.Next(12) == 0 ? Pick(random, ["", "describeimages", "DescribeImages ", "RunInstance", new string('A', 300)]) : Pick(random, WireActions.All);
        var (body, kind) = index is 7 or 311 ? (OverTheCap(), "over the cap") : Body(random, action);
        var key = Pick(random, Keys3);
        var request = api.Request(action, "{}", key, Pick(random, Regions)) with { RawBody = body };
        if (random.Next(10) == 0)
        {
            request = request with { ContentType = Pick(random, ["text/plain", "application/json; charset=utf-8", "application/x-www-form-urlencoded", ""]) };
        }

        var message = ToMessage(request);
        var headers = random.Next(5) == 0 ? MangleHeaders(random, message, request) : "headers intact";
        return (message, $"{action}, {kind}, {headers}");
    }

    private (byte[] Body, string Kind) Body(Random random, string action)
    {
        var roll = random.Next(100);
        if (roll < 35) return (Utf8(Mutated(random, action)), "valid body, one part replaced");
        if (roll < 55) return (Utf8(RandomObject(random, 0)), "random object");
        if (roll < 65) return (Utf8(Nulls(random, action)), "nulls");
        if (roll < 73) return (Utf8(HugeArray(random)), "huge array");
        if (roll < 78) return (Utf8(Deep(random)), "deep nesting");
        if (roll < 85) return (RandomBytes(random), "random bytes");
        if (roll < 92) return (Corrupted(random, Utf8(Valid(action))), "corrupted bytes");
        return (Utf8(Pick(random, ["", " ", "null", "[]", "[{}]", "\"{}\"", "1", "{", "}", "{}{}", "{\"DryRun\":true}", "\uFEFF{}"])), "not an object");
    }

    /// <summary>A body the SDK would send for <paramref name="action"/>, naming real images of the world.</summary>
    private List<(string Key, string Value)> ValidParts(string action)
    {
        string Id(int i) => $"\"{ids[i]}\"";
        return action switch
        {
            "DescribeImages" => [("Filters", """[{"Name":"image-type","Values":["PRIVATE_IMAGE","SHARED_IMAGE"]}]"""), ("Offset", "0"), ("Limit", "20")],
            "CreateImage" => [("ImageName", "\"fuzz\""), ("InstanceId", "\"ins-2zvx0a1b\""), ("ImageDescription", "\"d\""), ("DryRun", "true")],
            "DeleteImages" => [("ImageIds", $"[{Id(1)}]"), ("DryRun", "true")],
            "ModifyImageAttribute" => [("ImageId", Id(1)), ("ImageName", "\"renamed\""), ("ImageDescription", "\"d\"")],
            "ModifyImageSharePermission" => [("ImageId", Id(0)), ("AccountIds", "[\"2000000002\"]"), ("Permission", "\"SHARE\"")],
            "DescribeImageSharePermission" => [("ImageId", Id(0))],
            "SyncImages" => [("ImageIds", $"[{Id(1)}]"), ("DestinationRegions", "[\"ap-shanghai\"]"), ("ImageSetRequired", "true"), ("DryRun", "true")],
            "ImportImage" => [("Architecture", "\"x86_64\""), ("OsType", "\"CentOS\""), ("OsVersion", "\"7\""), ("ImageUrl", "\"https://b-1250000000.cos.ap-guangzhou.myqcloud.com/c.qcow2\""), ("ImageName", "\"imported\""), ("DryRun", "true")],
            "InquiryPriceRunInstances" => [("Placement", """{"Zone":"ap-guangzhou-3"}"""), ("ImageId", Id(3)), ("InstanceCount", "1")],
            "RunInstances" => [("Placement", """{"Zone":"ap-guangzhou-3","ProjectId":0}"""), ("ImageId", Id(0)), ("InstanceCount", "2"), ("DataDisks", """[{"DiskSize":100}]"""), ("DryRun", "true")],
            "ExportImages" => [("BucketName", "\"b\""), ("ImageIds", $"[{Id(1)}]")],
            _ => [],
        };
    }

    private string Valid(string action) => Join(ValidParts(action));

    private string Mutated(Random random, string action)
    {
        var parts = ValidParts(action);
        if (parts.Count == 0 || random.Next(6) == 0)
        {
            parts.Add((Pick(random, Keys), Value(random, 1)));
            return Join(parts);
        }

        var at = random.Next(parts.Count);
        switch (random.Next(5))
        {
            case 0:
                parts.RemoveAt(at);
                break;
            case 1:
                parts.Add((parts[at].Key, Value(random, 1))); // the same property twice
                break;
            case 2 when parts[at].Value.StartsWith('{') || parts[at].Value.StartsWith("[{", StringComparison.Ordinal):
                parts[at] = (parts[at].Key, parts[at].Value.Replace("\"ap-guangzhou-3\"", Value(random, 2), StringComparison.Ordinal).Replace("\"PRIVATE_IMAGE\"", Value(random, 2), StringComparison.Ordinal).Replace("100", Value(random, 2), StringComparison.Ordinal));
                break;
            case 3:
                parts[at] = (parts[at].Key, "[" + string.Join(",", Enumerable.Range(0, random.Next(1, 8)).Select(_ => Value(random, 2))) + "]");
                break;
            default:
                parts[at] = (parts[at].Key, Value(random, 1));
                break;
        }

        return Join(parts);
    }

    private string Nulls(Random random, string action)
    {
        var parts = ValidParts(action);
        string[] shapes = ["null", "[null]", "[null,null]", "[{\"Name\":null,\"Values\":null}]", "[{\"Name\":\"image-id\",\"Values\":[null]}]", "{\"Zone\":null}", "[{}]", "{}"];
        if (parts.Count == 0 || random.Next(3) == 0)
        {
            parts.Add((Pick(random, Keys), Pick(random, shapes)));
        }
        else
        {
            var at = random.Next(parts.Count);
            parts[at] = (parts[at].Key, Pick(random, shapes));
        }

        return Join(parts);
    }

    private string HugeArray(Random random)
    {
        var count = Pick(random, [101, 501, 1_001, 5_000, 10_001, 30_000]);
        var item = Pick(random, ["\"img-00000000\"", "\"ap-shanghai\"", "\"2000000002\"", "null", "1", "{\"Name\":\"platform\",\"Values\":[\"CentOS\"]}", "{\"DiskSize\":10}"]);
        var key = Pick(random, ["ImageIds", "AccountIds", "DestinationRegions", "Filters", "DataDisks", "SnapshotIds", "HostIds", "Unknown"]);
        var items = string.Join(",", Enumerable.Repeat(item, count));
        return key == "HostIds" ? $"{{\"Placement\":{{\"Zone\":\"ap-guangzhou-3\",\"HostIds\":[{items}]}},\"ImageId\":\"{ids[3]}\"}}" : $"{{\"{key}\":[{items}]}}";
    }

    private static string Deep(Random random)
    {
        var depth = Pick(random, [30, 31, 32, 33, 64, 5_000]);
        var (open, close) = random.Next(2) == 0 ? ("[", "]") : ("{\"Filters\":", "}");
        return "{\"Filters\":" + string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth)) + "}";
    }

    private string RandomObject(Random random, int depth)
    {
        var parts = new List<(string, string)>();
        for (var i = random.Next(0, 6); i > 0; i--)
        {
            parts.Add((Pick(random, Keys), Value(random, depth + 1)));
        }

        return Join(parts);
    }

    private string Value(Random random, int depth) => random.Next(depth > 3 ? 1 : 5) switch
    {
        0 => random.Next(4) == 0 ? $"\"{Pick(random, ids)}\"" : Pick(random, Scalars),
        1 => "[" + string.Join(",", Enumerable.Range(0, random.Next(0, 7)).Select(_ => Value(random, depth + 1))) + "]",
        2 => RandomObject(random, depth),
        _ => Pick(random, Scalars),
    };

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 600)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Corrupted(Random random, byte[] body)
    {
        var copy = (byte[])body.Clone();
        for (var i = random.Next(1, 4); i > 0 && copy.Length > 0; i--)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }

        return random.Next(3) == 0 ? copy[..random.Next(copy.Length + 1)] : copy;
    }

    private static byte[] OverTheCap()
    {
        var body = new byte[WireRequestReader.MaxBodyBytes + 1];
        body.AsSpan().Fill((byte)' ');
        body[0] = (byte)'{';
        body[^1] = (byte)'}';
        return body;
    }

    /// <summary>Drops or duplicates one of the headers the protocol reads.</summary>
    private static string MangleHeaders(Random random, HttpRequestMessage message, TestRequest request)
    {
        var name = Pick(random, ["X-TC-Action", "X-TC-Region", "X-TC-Version", "X-TC-Timestamp", "Authorization", "X-TC-Token", "X-TC-Language"]);
        switch (random.Next(4))
        {
            case 3:
                var junk = new StringBuilder(name == "Authorization" ? "TC3-HMAC-SHA256 " : string.Empty);
                for (var i = random.Next(1, 3_000); i > 0; i--)
                {
                    junk.Append(Pick(random, ["Credential=", "SignedHeaders=", "Signature=", "/", ",", ";", " ", "=", "tc3_request", "host", "content-type", "a", "0", "\t"]));
                }

                message.Headers.Remove(name);
                message.Headers.TryAddWithoutValidation(name, junk.ToString());
                return $"{name} junk";
            case 0:
                message.Headers.Remove(name);
                return $"{name} missing";
            case 1:
                var value = message.Headers.TryGetValues(name, out var values) ? values.First() : "x";
                message.Headers.TryAddWithoutValidation(name, value);
                return $"{name} twice, the same";
            default:
                var other = name switch
                {
                    "Authorization" => (request with { SigningSecretId = Recipient.SecretId, SigningSecretKey = Recipient.SecretKey }).Authorization(),
                    "X-TC-Timestamp" => (request.Timestamp - 1).ToString(CultureInfo.InvariantCulture),
                    "X-TC-Action" => "DeleteImages",
                    "X-TC-Region" => Shanghai,
                    "X-TC-Version" => "2017-03-12",
                    _ => "zh-CN",
                };
                message.Headers.TryAddWithoutValidation(name, other);
                return $"{name} twice, differing";
        }
    }

    private static string Join(IEnumerable<(string Key, string Value)> parts) =>
        "{" + string.Join(",", parts.Select(p => $"\"{p.Key}\":{p.Value}")) + "}";

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
