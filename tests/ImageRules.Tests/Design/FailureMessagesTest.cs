using ImageRules.Policy.Failures;
using ImageRules.Tests.Policy;

namespace ImageRules.Tests.Design;

/// <summary>
/// Every failure's message follows the house style (Failure's remarks, after Cedar's style guide) in every form its
/// fields give it, including failures no rule test happens to provoke, such as a concurrent modification.
/// </summary>
public class FailureMessagesTest
{
    [Theory]
    [MemberData(nameof(FailureSamples.TypeData), MemberType = typeof(FailureSamples))]
    public void Every_failure_message_is_one_lowercase_line_without_a_final_period(Type type)
    {
        foreach (var failure in FailureSamples.Of(type))
        {
            Refused.AssertMessageStyle(failure.Message);
            Assert.Equal($"{failure.Code}: {failure.Message}", failure.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(FailureSamples.TypeData), MemberType = typeof(FailureSamples))]
    public void Every_failure_message_names_the_value_it_refuses(Type type)
    {
        foreach (var failure in FailureSamples.Of(type))
        {
            var named = new[] { "img-abcd1234", "1038493875", "ap-guangzhou", "some value", "51", "(none)" };
            Assert.True(
                named.Any(value => failure.Message.Contains(value, StringComparison.Ordinal)) || failure is DryRunPassed,
                $"{type.Name} names none of its fields: {failure.Message}");
        }
    }
}
