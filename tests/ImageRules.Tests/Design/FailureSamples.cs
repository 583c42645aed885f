using System.Reflection;
using ImageRules.Domain;
using ImageRules.Policy;

namespace ImageRules.Tests.Design;

/// <summary>
/// Instances of every failure type, made through its public constructor with every value of each enum and bool
/// argument and both null and a value for each optional one, so a message derived from the fields is seen in every
/// form it takes.
/// </summary>
public static class FailureSamples
{
    /// <summary>A sample argument for each parameter type a failure's constructor takes, besides enums and bools.</summary>
    private static readonly Dictionary<Type, object> Samples = new()
    {
        [typeof(ImageId)] = new ImageId("img-abcd1234"),
        [typeof(AccountId)] = new AccountId("1038493875"),
        [typeof(RegionId)] = new RegionId("ap-guangzhou"),
        [typeof(string)] = "some value",
        [typeof(int)] = 51,
        [typeof(long)] = 51L,
    };

    /// <summary>A second sample per parameter type, unequal to the first, for types that have only one choice.</summary>
    private static readonly Dictionary<Type, object> OtherSamples = new()
    {
        [typeof(ImageId)] = new ImageId("img-zzzz9999"),
        [typeof(AccountId)] = new AccountId("2000000001"),
        [typeof(RegionId)] = new RegionId("ap-shanghai"),
        [typeof(string)] = "other value",
        [typeof(int)] = 7,
        [typeof(long)] = 7L,
        [typeof(bool)] = false,
    };

    /// <summary>Every failure type of the library, by name.</summary>
    public static IReadOnlyList<Type> Types { get; } =
        [.. typeof(Failure).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Failure))).OrderBy(t => t.Name, StringComparer.Ordinal)];

    /// <summary>Every failure type, as theory data.</summary>
    public static TheoryData<Type> TypeData() => [.. Types];

    /// <summary>The one public constructor of <paramref name="type"/>.</summary>
    public static ConstructorInfo ConstructorOf(Type type) => type.GetConstructors().Single();

    /// <summary>Instances of <paramref name="type"/> for every combination of its constructor's sample arguments.</summary>
    public static IEnumerable<Failure> Of(Type type) => ArgumentsOf(type).Select(arguments => Make(type, arguments));

    /// <summary>Every combination of sample arguments for <paramref name="type"/>'s constructor.</summary>
    public static IEnumerable<object?[]> ArgumentsOf(Type type)
    {
        IEnumerable<object?[]> combinations = [[]];
        foreach (var parameter in ConstructorOf(type).GetParameters())
        {
            var choices = Choices(parameter).ToArray();
            combinations = combinations.SelectMany(prefix => choices.Select(choice => (object?[])[.. prefix, choice])).ToArray();
        }

        return combinations;
    }

    /// <summary>A <paramref name="type"/> failure made from <paramref name="arguments"/>.</summary>
    public static Failure Make(Type type, object?[] arguments) => (Failure)ConstructorOf(type).Invoke(arguments);

    /// <summary>A value for <paramref name="parameter"/> other than <paramref name="value"/>.</summary>
    public static object? OtherThan(ParameterInfo parameter, object? value) =>
        Choices(parameter).Append(OtherSamples.GetValueOrDefault(Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType)).First(choice => !Equals(choice, value));

    private static IEnumerable<object?> Choices(ParameterInfo parameter)
    {
        var nullable = Nullable.GetUnderlyingType(parameter.ParameterType);
        var type = nullable ?? parameter.ParameterType;
        var mayBeNull = nullable is not null || new NullabilityInfoContext().Create(parameter).WriteState == NullabilityState.Nullable;
        IEnumerable<object?> values = type.IsEnum ? [.. Enum.GetValues(type).Cast<object>()]
            : type == typeof(bool) ? [true, false]
            : [Samples[type]];
        return mayBeNull ? values.Append(null) : values;
    }
}
