using ImageRules.Storage.Tests.Support;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("ImageRules.Storage.Tests.PostgresTestFramework", "ImageRules.Storage.PostgreSql.Tests")]

namespace ImageRules.Storage.Tests;

/// <summary>
/// xunit's own framework, except that without a PostgreSQL server (see <see cref="TestDatabase.Server"/>) every test
/// of this assembly is reported as skipped, saying how to run it. The tests come from shared base classes whose
/// <c>[Fact]</c>s cannot carry a condition, so the condition is applied here, to the whole assembly.
/// </summary>
public sealed class PostgresTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer(IAssemblyInfo assembly, ISourceInformationProvider sourceInformation, IMessageSink diagnostics)
        : XunitTestFrameworkDiscoverer(assembly, sourceInformation, diagnostics)
    {
        protected override bool FindTestsForMethod(ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            if (TestDatabase.Server is not null)
            {
                return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
            }

            if (!testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).Any())
            {
                return true;
            }

            // One skipped case per test method, theories included: their data is never needed.
            var skipped = new SkippedWithoutServer(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
            return ReportDiscoveredTestCase(skipped, includeSourceInformation, messageBus);
        }
    }
}
