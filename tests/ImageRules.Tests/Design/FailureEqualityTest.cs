using ImageRules.Domain;
using ImageRules.Policy;
using ImageRules.Policy.Failures;

namespace ImageRules.Tests.Design;

/// <summary>
/// Failures are values: equal exactly when they are of one type and every constructor argument is equal, so a
/// failure that forgot a field in its equality, or two types with the same fields, cannot compare equal.
/// </summary>
public class FailureEqualityTest
{
    [Theory]
    [MemberData(nameof(FailureSamples.TypeData), MemberType = typeof(FailureSamples))]
    public void A_failure_equals_one_made_from_the_same_arguments(Type type)
    {
        foreach (var arguments in FailureSamples.ArgumentsOf(type))
        {
            var (failure, same) = (FailureSamples.Make(type, arguments), FailureSamples.Make(type, arguments));

            Assert.True(failure.Equals(same));
            Assert.True(failure == same);
            Assert.Equal(failure.GetHashCode(), same.GetHashCode());
        }
    }

    [Theory]
    [MemberData(nameof(FailureSamples.TypeData), MemberType = typeof(FailureSamples))]
    public void A_failure_differs_from_one_with_any_argument_changed(Type type)
    {
        var parameters = FailureSamples.ConstructorOf(type).GetParameters();
        foreach (var arguments in FailureSamples.ArgumentsOf(type))
        {
            var failure = FailureSamples.Make(type, arguments);
            for (var i = 0; i < parameters.Length; i++)
            {
                object?[] changed = [.. arguments];
                changed[i] = FailureSamples.OtherThan(parameters[i], arguments[i]);

                Assert.True(failure != FailureSamples.Make(type, changed), $"{type.Name} ignores `{parameters[i].Name}` in its equality");
            }
        }
    }

    [Fact]
    public void Failures_of_different_types_with_equal_fields_differ()
    {
        Failure limit = new ParameterLimitExceeded("Limit", 200, 100);
        Failure tooLarge = new ParameterTooLarge("Limit", 200, 100);

        Assert.NotEqual(limit, tooLarge);
        Assert.False(limit == tooLarge);
        Assert.False(limit.Equals((object)tooLarge));
    }

    [Fact]
    public void A_failure_is_never_equal_to_null()
    {
        Failure failure = new ImageNotFound(new ImageId("img-abcd1234"));

        Assert.False(failure.Equals(null));
        Assert.True(failure != null);
        Assert.True((Failure?)null == null);
    }
}
