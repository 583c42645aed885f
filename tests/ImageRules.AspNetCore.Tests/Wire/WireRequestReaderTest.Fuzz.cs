using System.Globalization;
using System.Text;
using ImageRules.AspNetCore.Wire;

namespace ImageRules.AspNetCore.Tests.Wire;

/// <summary>
/// Generated JSON shapes and mangled SDK bodies, with fixed seeds and bounded counts: every one is read into a request
/// or a wire error with a code of <see cref="WireErrorCodes"/>, never an exception.
/// </summary>
public sealed partial class WireRequestReaderTest
{
    private const int FuzzCasesPerAction = 300;

    private static readonly string[] FuzzKeys =
    [
        "ImageIds", "Filters", "Name", "Values", "Offset", "Limit", "InstanceType", "ImageId", "ImageName",
        "InstanceId", "SnapshotIds", "DataDiskIds", "ForcePoweroff", "Sysprep", "DryRun", "TagSpecification",
        "ResourceType", "Tags", "Key", "Value", "AccountIds", "Permission", "DestinationRegions", "ImageSetRequired",
        "Architecture", "OsType", "OsVersion", "ImageUrl", "ImportImageDataDiskList", "Placement", "Zone",
        "ProjectId", "HostIds", "InstanceCount", "MinCount", "DataDisks", "DiskSize", "SystemDisk",
        "InstanceChargePrepaid", "Period", "ClientToken", "LaunchTemplate", "BucketName", "ImageFamily", "Unknown",
    ];

    private static readonly string[] FuzzScalars =
    [
        "null", "true", "false", "0", "-0", "1", "-1", "5", "100", "101", "500", "501", "1.5", "-1e3", "1e400",
        "9223372036854775807", "9223372036854775808", "18446744073709551615", "18446744073709551616", "\"\"",
        "\"img-1\"", "\"SHARE\"", "\"CANCEL\"", "\"true\"", "\"image-id\"", "\"tag:env\"", "\"\\u0000\"",
        "\"\\ud800\"", "\"镜像\"", "\"\\\"\"", "\"ap-guangzhou-3\"",
    ];

    private static readonly string[] SdkBodies =
    [
        """{"ImageIds":["img-1","img-2"],"Offset":0,"Limit":20,"InstanceType":"S5.MEDIUM2"}""",
        """{"Filters":[{"Name":"image-type","Values":["PRIVATE_IMAGE"]}]}""",
        """{"ImageName":"n","InstanceId":"ins-1","ForcePoweroff":"true","DataDiskIds":["disk-1"],"TagSpecification":[{"ResourceType":"image","Tags":[{"Key":"k","Value":"v"}]}]}""",
        """{"ImageId":"img-1","AccountIds":["100000000001"],"Permission":"SHARE"}""",
        """{"ImageIds":["img-1"],"DestinationRegions":["ap-shanghai"],"ImageSetRequired":true}""",
        """{"Placement":{"Zone":"ap-guangzhou-3","ProjectId":0},"ImageId":"img-1","DataDisks":[{"DiskSize":100}],"InstanceCount":2}""",
    ];

    private static readonly Dictionary<string, string> ValidBodies = new(StringComparer.Ordinal)
    {
        ["DescribeImages"] = """{"Limit":20}""",
        ["CreateImage"] = """{"ImageName":"n","InstanceId":"ins-1"}""",
        ["DeleteImages"] = """{"ImageIds":["img-1"]}""",
        ["ModifyImageAttribute"] = """{"ImageId":"img-1"}""",
        ["ModifyImageSharePermission"] = """{"ImageId":"img-1","AccountIds":["1"],"Permission":"SHARE"}""",
        ["DescribeImageSharePermission"] = """{"ImageId":"img-1"}""",
        ["SyncImages"] = """{"ImageIds":["img-1"],"DestinationRegions":["ap-shanghai"]}""",
        ["ImportImage"] = """{"Architecture":"x86_64","OsType":"CentOS","OsVersion":"7","ImageUrl":"u","ImageName":"n"}""",
        ["DescribeImportImageOs"] = "{}",
        ["DescribeImageQuota"] = "{}",
        ["DescribeRegions"] = "{}",
        ["InquiryPriceRunInstances"] = """{"Placement":{"Zone":"ap-guangzhou-3"},"ImageId":"img-1"}""",
        ["RunInstances"] = """{"Placement":{"Zone":"ap-guangzhou-3"},"ImageId":"img-1"}""",
        ["ExportImages"] = """{"BucketName":"b"}""",
        ["DescribeImageFromFamily"] = "{}",
    };

    private static readonly int[] ArraySizes = [0, 1, 2, 4, 5, 6, 9, 10, 11, 20, 21, 22, 99, 100, 101, 499, 500, 501];

    private static readonly HashSet<string> KnownCodes =
    [
        .. typeof(WireErrorCodes).GetFields()
            .Where(field => field.IsLiteral)
            .Select(field => (string)field.GetRawConstantValue()!),
    ];

    [Fact]
    public void Read_GeneratedJsonShapes_AlwaysARequestOrAKnownWireError()
    {
        var random = new Random(20261201);
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var action in WireActions.All)
        {
            for (var i = 0; i < FuzzCasesPerAction; i++)
            {
                var body = new StringBuilder();
                if (random.Next(10) == 0)
                {
                    AppendValue(body, random, depth: 0);
                }
                else
                {
                    AppendObject(body, random, depth: 0);
                }

                Tally(outcomes, AssertWellFormedOutcome(action, Encoding.UTF8.GetBytes(body.ToString())));
            }
        }

        Assert.True(outcomes.GetValueOrDefault("read") > 0, "no generated body was read: " + string.Join(", ", outcomes));
        Assert.True(outcomes.Count >= 4, "too few outcomes: " + string.Join(", ", outcomes));
    }

    [Fact]
    public void Read_MangledSdkBodies_AlwaysARequestOrAKnownWireError()
    {
        var random = new Random(31);
        foreach (var action in WireActions.All)
        {
            foreach (var sdkBody in SdkBodies)
            {
                var original = Encoding.UTF8.GetBytes(sdkBody);
                for (var i = 0; i < 40; i++)
                {
                    AssertWellFormedOutcome(action, Mangle(original, random));
                }
            }
        }
    }

    [Fact]
    public void Read_ValidBodiesWithOnePropertyReplaced_AlwaysARequestOrAKnownWireError()
    {
        var random = new Random(7);
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var action in WireActions.All)
        {
            var valid = ValidBodies[action];
            Assert.Equal("read", AssertWellFormedOutcome(action, Encoding.UTF8.GetBytes(valid)));
            for (var i = 0; i < FuzzCasesPerAction; i++)
            {
                // A repeated property replaces the earlier one, so appending overrides a valid value.
                var body = new StringBuilder(valid, 0, valid.Length - 1, valid.Length + 64);
                var replaced = random.Next(3);
                for (var j = 0; j <= replaced; j++)
                {
                    body.Append(body.Length > 1 ? "," : string.Empty)
                        .Append('"').Append(FuzzKeys[random.Next(FuzzKeys.Length)]).Append("\":");
                    AppendSchemaValue(body, random, depth: 0);
                }

                Tally(outcomes, AssertWellFormedOutcome(action, Encoding.UTF8.GetBytes(body.Append('}').ToString())));
            }
        }

        Assert.True(outcomes.Count >= 6, "too few outcomes: " + string.Join(", ", outcomes));
    }

    private static void AppendSchemaValue(StringBuilder body, Random random, int depth)
    {
        switch (depth > 3 ? random.Next(2) : random.Next(6))
        {
            case 0:
                body.Append(FuzzScalars[random.Next(FuzzScalars.Length)]);
                break;
            case 1:
                var size = ArraySizes[random.Next(ArraySizes.Length)];
                var items = Enumerable.Range(0, size).Select(i => random.Next(50) == 0 ? "null" : string.Create(CultureInfo.InvariantCulture, $"\"v-{i}\""));
                body.Append('[').AppendJoin(',', items).Append(']');
                break;
            case 2 or 3:
                body.Append('{');
                var count = random.Next(4);
                for (var i = 0; i < count; i++)
                {
                    body.Append(i > 0 ? "," : string.Empty).Append('"').Append(FuzzKeys[random.Next(FuzzKeys.Length)]).Append("\":");
                    AppendSchemaValue(body, random, depth + 1);
                }

                body.Append('}');
                break;
            default:
                body.Append('[');
                var objects = ArraySizes[random.Next(5)];
                for (var i = 0; i < objects; i++)
                {
                    body.Append(i > 0 ? "," : string.Empty);
                    AppendSchemaValue(body, random, depth + 1);
                }

                body.Append(']');
                break;
        }
    }

    private static string AssertWellFormedOutcome(string action, byte[] body)
    {
        var result = WireRequestReader.Read(action, body);
        if (result.IsSuccess)
        {
            Assert.Null(result.Request.Validate());
            return "read";
        }

        Assert.Contains(result.Error.Code, KnownCodes);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
        return result.Error.Code;
    }

    private static byte[] Mangle(byte[] original, Random random)
    {
        var bytes = original.ToList();
        switch (random.Next(4))
        {
            case 0:
                return [.. bytes.Take(random.Next(bytes.Count))];
            case 1:
                bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                return [.. bytes];
            case 2:
                bytes.Insert(random.Next(bytes.Count), (byte)"[]{}\",:n0-"[random.Next(10)]);
                return [.. bytes];
            default:
                bytes.RemoveAt(random.Next(bytes.Count));
                return [.. bytes];
        }
    }

    private static void AppendObject(StringBuilder body, Random random, int depth)
    {
        body.Append('{');
        var count = random.Next(depth == 0 ? 6 : 4);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                body.Append(',');
            }

            body.Append('"').Append(FuzzKeys[random.Next(FuzzKeys.Length)]).Append("\":");
            AppendValue(body, random, depth + 1);
        }

        body.Append('}');
    }

    private static void AppendValue(StringBuilder body, Random random, int depth)
    {
        var deep = depth > 6 || body.Length > 4_000;
        switch (deep ? random.Next(4) : random.Next(11))
        {
            case 0 or 1 or 2 or 3:
                body.Append(FuzzScalars[random.Next(FuzzScalars.Length)]);
                break;
            case 4 or 5 or 6:
                body.Append('[');
                var count = random.Next(6);
                for (var i = 0; i < count; i++)
                {
                    if (i > 0)
                    {
                        body.Append(',');
                    }

                    AppendValue(body, random, depth + 1);
                }

                body.Append(']');
                break;
            case 7:
                var scalar = FuzzScalars[random.Next(FuzzScalars.Length)];
                body.Append('[').Append(string.Join(",", Enumerable.Repeat(scalar, random.Next(1, 600)))).Append(']');
                break;
            case 8 or 9:
                AppendObject(body, random, depth);
                break;
            default:
                var nesting = random.Next(1, 2 * WireRequestReader.MaxDepth);
                body.Append(new string('[', nesting)).Append(random.Next(100).ToString(CultureInfo.InvariantCulture))
                    .Append(new string(']', nesting));
                break;
        }
    }

    private static void Tally(Dictionary<string, int> outcomes, string outcome) =>
        outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
}
