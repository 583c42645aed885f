using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Tests.Policy;

namespace ImageRules.Tests.Design;

/// <summary>
/// Every failure's message follows the house style (Failure's remarks, after Cedar's style guide), including failures
/// no rule test happens to provoke, such as a concurrent modification.
/// </summary>
public class FailureMessagesTest
{
    /// <summary>A sample argument for each parameter type a failure's constructor takes.</summary>
    private static readonly Dictionary<Type, object> Samples = new()
    {
        [typeof(ImageId)] = new ImageId("img-abcd1234"),
        [typeof(AccountId)] = new AccountId("1038493875"),
        [typeof(RegionId)] = new RegionId("ap-guangzhou"),
        [typeof(string)] = "some value",
        [typeof(int)] = 51,
        [typeof(ImageState)] = ImageState.Creating,
        [typeof(Architecture)] = Architecture.Arm64,
    };

    public static TheoryData<Type> FailureTypes() =>
        [.. typeof(Failure).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Failure))).OrderBy(t => t.Name, StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(FailureTypes))]
    public void Every_failure_message_is_one_lowercase_line_without_a_final_period(Type type)
    {
        var constructor = type.GetConstructors().Single(c => c.GetParameters().All(p => p.ParameterType != type));
        var arguments = constructor.GetParameters().Select(p => Samples[Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType]).ToArray();

        var failure = (Failure)constructor.Invoke(arguments);

        Refused.AssertMessageStyle(failure.Message);
        Assert.Equal($"{failure.Code}: {failure.Message}", failure.ToString());
    }
}
