using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ImageRules.Domain;
using ImageRules.Domain.Events;
using ImageRules.Policy;
using ImageRules.Policy.Failures;
using ImageRules.Storage;

namespace ImageRules.Tests.Design;

/// <summary>
/// The library declares its domain and policy types immutable (records, sealed, init-only); as in NodaTime's
/// MutabilityTest, the declaration is checked by reflection so that a new public type cannot quietly break it.
/// </summary>
public partial class ImmutabilityTest
{
    private static readonly string[] ImmutableNamespaces =
        ["ImageRules.Domain", "ImageRules.Domain.Events", "ImageRules.Policy", "ImageRules.Policy.Failures"];

    /// <summary>The value types of the store seam, immutable like the facts they load: the rest of Storage are stores.</summary>
    private static readonly Type[] StorageValues = [typeof(FactsQuery), typeof(CatalogueChange), typeof(CatalogueKey)];

    /// <summary>
    /// Deliberately mutable, and so exempt: the options class follows the Microsoft.Extensions options pattern (bound
    /// from configuration, set in code while the host is configured, validated at start). <see cref="ImagePolicy"/>
    /// copies the resolved figures when it is made, so changing options later changes no decision (see OptionsTests).
    /// </summary>
    private static readonly Type[] MutableByDesign = [typeof(ImageRulesOptions)];

    /// <summary>Every rule id of RULES.md; a failure's documentation must name only these.</summary>
    private static readonly HashSet<string> RuleIds =
    [
        .. Enumerable.Range(1, 7).Concat(Enumerable.Range(10, 9)).Concat(Enumerable.Range(20, 8)).Concat(Enumerable.Range(30, 9)).Select(n => $"R{n}"),
    ];

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Type[] PublicTypes =
    [
        .. typeof(ImagePolicy).Assembly.GetExportedTypes().Where(t => ImmutableNamespaces.Contains(t.Namespace) && !MutableByDesign.Contains(t)),
        .. StorageValues,
    ];

    private static IEnumerable<Type> ClassesAndStructs => PublicTypes.Where(t => (t.IsClass || t.IsValueType) && !t.IsEnum && !typeof(Delegate).IsAssignableFrom(t));

    [Fact]
    public void The_checked_types_hold_the_domain_events_policy_failures_requests_and_facts()
    {
        Assert.Contains(typeof(Image), PublicTypes);
        Assert.Contains(typeof(ImageShared), PublicTypes);
        Assert.Contains(typeof(ImagePolicy), PublicTypes);
        Assert.Contains(typeof(ImageNotFound), PublicTypes);
        Assert.Contains(typeof(CopyImage), PublicTypes);
        Assert.Contains(typeof(ImageFacts), PublicTypes);
        Assert.Contains(typeof(FactsQuery), PublicTypes);
        Assert.Contains(typeof(LaunchDecision), PublicTypes);
    }

    [Fact]
    public void The_options_class_is_the_one_exemption_and_is_still_mutable_and_sealed()
    {
        var settable = typeof(ImageRulesOptions).GetProperties(Declared).Where(p => p.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter));

        Assert.NotEmpty(settable);
        Assert.True(typeof(ImageRulesOptions).IsSealed);
        Assert.DoesNotContain(typeof(ImageRulesOptions), PublicTypes);
    }

    [Fact]
    public void The_facts_and_their_query_are_immutable_records()
    {
        foreach (var type in new[] { typeof(ImageFacts), typeof(FactsQuery) })
        {
            Assert.True(type.IsSealed, $"{type.Name} is not sealed");
            Assert.NotNull(type.GetMethod("<Clone>$"));
            Assert.All(type.GetProperties(Declared).Where(p => p.SetMethod is not null), p => Assert.True(IsInitOnly(p.SetMethod!), $"{type.Name}.{p.Name} has a setter"));
        }
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
    public void Every_failure_is_sealed_and_answers_one_provider_error_code_whatever_its_fields()
    {
        Assert.True(FailureSamples.Types.Count >= 29, $"only {FailureSamples.Types.Count} failures found");
        foreach (var type in FailureSamples.Types)
        {
            Assert.True(type.IsSealed && type.IsPublic, $"{type.Name} is not public and sealed");
            Assert.DoesNotContain(type.GetProperties(Declared), p => p.SetMethod is not null);
            var codes = FailureSamples.Of(type).Select(f => f.Code).Distinct().ToList();
            var code = Assert.Single(codes);
            Assert.Matches(ProviderCode(), code);
        }
    }

    [Fact]
    public void Every_failure_documents_its_provider_code_and_the_ids_of_existing_rules()
    {
        var documentation = XDocument.Load(Path.ChangeExtension(typeof(Failure).Assembly.Location, ".xml"));
        var remarks = documentation.Descendants("member").ToDictionary(m => (string)m.Attribute("name")!, m => m.Element("remarks")?.Value ?? string.Empty, StringComparer.Ordinal);

        foreach (var type in FailureSamples.Types)
        {
            var remark = remarks.GetValueOrDefault($"T:{type.FullName}", string.Empty);
            var code = FailureSamples.Of(type).First().Code;
            var rules = RuleId().Matches(remark).Select(m => m.Value).ToList();

            Assert.True(remark.StartsWith($"Code {code}", StringComparison.Ordinal), $"{type.Name}'s remarks do not give its code {code}: {remark}");

            // No rule raises a concurrent modification: it reports contention between writers, the service's concern.
            Assert.True(rules.Count > 0 || type == typeof(ConcurrentModification), $"{type.Name}'s remarks name no rule: {remark}");
            Assert.All(rules, rule => Assert.True(RuleIds.Contains(rule), $"{type.Name} names {rule}, which RULES.md does not define"));
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

    [GeneratedRegex(@"\bR\d+\b")]
    private static partial Regex RuleId();
}
