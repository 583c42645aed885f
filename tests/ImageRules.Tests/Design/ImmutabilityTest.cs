using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Policy.Requests;

namespace ImageRules.Tests.Design;

/// <summary>
/// The library declares its domain and policy types immutable (records, sealed, init-only); as in NodaTime's
/// MutabilityTest, the declaration is checked by reflection so that a new public type cannot quietly break it.
/// </summary>
public partial class ImmutabilityTest
{
    private static readonly string[] ImmutableNamespaces =
        ["ImageRules.Domain", "ImageRules.Domain.Events", "ImageRules.Policy", "ImageRules.Policy.Failures", "ImageRules.Policy.Requests"];

    /// <summary>Every rule id of RULES.md; a failure must name one of them.</summary>
    private static readonly HashSet<string> RuleIds =
    [
        .. Enumerable.Range(1, 7).Concat(Enumerable.Range(10, 9)).Concat(Enumerable.Range(20, 8)).Concat(Enumerable.Range(30, 5)).Select(n => $"R{n}"),
    ];

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Type[] PublicTypes =
        [.. typeof(ImagePolicy).Assembly.GetExportedTypes().Where(t => ImmutableNamespaces.Contains(t.Namespace))];

    private static IEnumerable<Type> ClassesAndStructs => PublicTypes.Where(t => (t.IsClass || t.IsValueType) && !t.IsEnum && !typeof(Delegate).IsAssignableFrom(t));

    [Fact]
    public void The_checked_namespaces_hold_the_domain_events_policy_failures_and_requests()
    {
        Assert.Contains(typeof(Image), PublicTypes);
        Assert.Contains(typeof(ImageShared), PublicTypes);
        Assert.Contains(typeof(ImagePolicy), PublicTypes);
        Assert.Contains(typeof(ImageNotFound), PublicTypes);
        Assert.Contains(typeof(CopyImageRequest), PublicTypes);
    }

    [Fact]
    public void The_checks_tell_mutable_members_from_immutable_ones()
    {
        Assert.True(IsInitOnly(typeof(Image).GetProperty(nameof(Image.Name))!.SetMethod!));
        Assert.False(IsInitOnly(typeof(List<int>).GetProperty(nameof(List<int>.Capacity))!.SetMethod!));
        Assert.True(IsCollection(typeof(ImmutableArray<ShareGrant>?)));
        Assert.True(IsImmutableOrReadOnly(typeof(ImmutableArray<ShareGrant>?)));
        Assert.True(IsImmutableOrReadOnly(typeof(IReadOnlyList<Image>)));
        Assert.False(IsImmutableOrReadOnly(typeof(List<ShareGrant>)));
        Assert.False(IsImmutableOrReadOnly(typeof(ShareGrant[])));
        Assert.False(IsImmutableOrReadOnly(typeof(IList<ShareGrant>)));
    }

    [Fact]
    public void Public_classes_and_records_are_sealed_except_the_failure_base()
    {
        var unsealed = PublicTypes.Where(t => t.IsClass && !t.IsSealed && t != typeof(Failure)).Select(t => t.FullName);

        Assert.Empty(unsealed);
        Assert.True(typeof(Failure).IsAbstract);
    }

    [Fact]
    public void Public_types_have_no_public_setters_only_init()
    {
        var settable = ClassesAndStructs
            .SelectMany(t => t.GetProperties(Declared))
            .Where(p => p.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}");

        Assert.Empty(settable);
    }

    [Fact]
    public void Public_types_have_no_writable_public_fields()
    {
        var writable = ClassesAndStructs
            .SelectMany(t => t.GetFields(Declared))
            .Where(f => !f.IsLiteral && !f.IsInitOnly)
            .Select(f => $"{f.DeclaringType!.Name}.{f.Name}");

        Assert.Empty(writable);
    }

    [Fact]
    public void Collections_exposed_by_public_types_are_immutable_or_read_only()
    {
        var exposed = ClassesAndStructs.SelectMany(t =>
            t.GetProperties(Declared).Select(p => (Member: (MemberInfo)p, Type: p.PropertyType))
                .Concat(t.GetFields(Declared).Select(f => (Member: (MemberInfo)f, Type: f.FieldType)))
                .Concat(t.GetMethods(Declared).Where(m => !m.IsSpecialName).Select(m => (Member: (MemberInfo)m, Type: m.ReturnType))));

        var mutable = exposed
            .Where(e => IsCollection(e.Type) && !IsImmutableOrReadOnly(e.Type))
            .Select(e => $"{e.Member.DeclaringType!.Name}.{e.Member.Name}: {e.Type.Name}");

        Assert.Empty(mutable);
        Assert.Contains(exposed, e => e.Type == typeof(ImmutableArray<ShareGrant>));
    }

    [Fact]
    public void Every_failure_is_sealed_with_a_provider_error_code_and_the_id_of_an_existing_rule()
    {
        var failures = typeof(Failure).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Failure))).ToList();

        Assert.True(failures.Count >= 30, $"only {failures.Count} failures found");
        foreach (var type in failures)
        {
            Assert.True(type.IsSealed && type.IsPublic, $"{type.Name} is not public and sealed");
            var errorCode = type.GetField("ErrorCode", BindingFlags.Public | BindingFlags.Static);
            Assert.True(errorCode is { IsLiteral: true }, $"{type.Name} has no public const ErrorCode");
            var code = (string?)errorCode.GetRawConstantValue();
            Assert.Matches(ProviderCode(), code);

            // Code and Rule are constants of the type, so an instance with no fields set answers them.
            var failure = (Failure)RuntimeHelpers.GetUninitializedObject(type);
            Assert.Equal(code, failure.Code);
            Assert.Matches(RuleId(), failure.Rule);
            Assert.True(RuleIds.Contains(failure.Rule), $"{type.Name} names {failure.Rule}, which RULES.md does not define");
        }
    }

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    private static bool IsCollection(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying != typeof(string) && typeof(IEnumerable).IsAssignableFrom(underlying);
    }

    private static bool IsImmutableOrReadOnly(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.Namespace == typeof(ImmutableArray).Namespace)
        {
            return true;
        }

        var definition = underlying.IsGenericType ? underlying.GetGenericTypeDefinition() : underlying;
        return definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>)
            || definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(IReadOnlySet<>);
    }

    [GeneratedRegex(@"^[A-Z][A-Za-z]*(\.[A-Z][A-Za-z]*)*$")]
    private static partial Regex ProviderCode();

    [GeneratedRegex(@"^R\d+$")]
    private static partial Regex RuleId();
}
