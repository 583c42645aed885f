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

    /// <summary>Every failure type of the library, by name.</summary>
    public static IReadOnlyList<Type> Types { get; } =
        [.. typeof(Failure).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Failure))).OrderBy(t => t.Name, StringComparer.Ordinal)];

    /// <summary>Every failure type, as theory data.</summary>
    public static TheoryData<Type> TypeData() => [.. Types];

    /// <summary>The one public constructor of <paramref name="type"/>.</summary>
    public static ConstructorInfo ConstructorOf(Type type) => type.GetConstructors().Single();

    /// <summary>Instances of <paramref name="type"/> for every combination of its constructor's sample arguments.</summary>
    public static IEnumerable<Failure> Of(Type type)
    {
        var constructor = ConstructorOf(type);
        IEnumerable<object?[]> combinations = [[]];
        foreach (var parameter in constructor.GetParameters())
        {
            var choices = Choices(parameter).ToArray();
            combinations = combinations.SelectMany(prefix => choices.Select(choice => (object?[])[.. prefix, choice])).ToArray();
        }

        return combinations.Select(arguments => (Failure)constructor.Invoke(arguments));
    }

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
