using ImageRules.Storage.Tests.Support;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ImageRules.Storage.Tests;

/// <summary>A test case reported as skipped because no PostgreSQL server was given (see <see cref="PostgresTestFramework"/>).</summary>
public sealed class SkippedWithoutServer : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SkippedWithoutServer()
    {
    }

    public SkippedWithoutServer(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) => TestDatabase.SkipReason;
}
