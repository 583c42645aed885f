using ImageRules.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ImageRules.Tests.Diagnostics;

/// <summary>
/// Each log event at its level, with its stable id and name and its structured fields; account data only at Debug
/// unless the host opts in.
/// </summary>
public sealed class ImageRulesLogTests
{
    [Fact]
    public void A_refusal_is_event_1_at_debug_with_operation_code_and_caller()
    {
        var logger = new FakeLogger();
        var reason = new Reason("InvalidParameterValue.LimitExceeded: too many");

        ImageRulesLog.OperationRefused(logger, OperationNames.Share, "InvalidParameterValue.LimitExceeded", "100000000001", reason);

        var record = logger.LatestRecord;
        Assert.Equal((LogLevel.Debug, 1, "OperationRefused"), (record.Level, record.Id.Id, record.Id.Name));
        Assert.Equal("share refused with InvalidParameterValue.LimitExceeded for account 100000000001: InvalidParameterValue.LimitExceeded: too many", record.Message);
        Assert.Equal("share", record.GetStructuredStateValue("Operation"));
        Assert.Equal("InvalidParameterValue.LimitExceeded", record.GetStructuredStateValue("Code"));
        Assert.Equal("100000000001", record.GetStructuredStateValue("Caller"));
    }

    [Fact]
    public void A_refusal_is_not_formatted_when_debug_is_off()
    {
        var logger = new FakeLogger();
        logger.ControlLevel(LogLevel.Debug, enabled: false);
        var reason = new Reason("ImageNotFound");

        ImageRulesLog.OperationRefused(logger, OperationNames.Launch, "InvalidImageId.NotFound", "100000000001", reason);

        Assert.Equal(0, logger.Collector.Count);
        Assert.Equal(0, reason.Formatted);
    }

    [Fact]
    public void A_write_that_gave_up_is_event_2_at_warning_and_withholds_the_catalogue_unless_the_host_opts_in()
    {
        var logger = new FakeLogger();

        ImageRulesLog.WriteGaveUp(logger, OperationNames.Create, 10, "100000000001/ap-guangzhou", includeAccountData: false);
        ImageRulesLog.WriteGaveUp(logger, OperationNames.Create, 10, "100000000001/ap-guangzhou", includeAccountData: true);

        var records = logger.Collector.GetSnapshot();
        Assert.All(records, r => Assert.Equal((LogLevel.Warning, 2, "WriteGaveUp"), (r.Level, r.Id.Id, r.Id.Name)));
        Assert.Equal("create gave up after 10 attempts: another writer changed catalogue withheld each time", records[0].Message);
        Assert.DoesNotContain("100000000001", records[0].Message, StringComparison.Ordinal);
        Assert.DoesNotContain(records[0].StructuredState!, kv => kv.Value?.Contains("100000000001", StringComparison.Ordinal) == true);
        Assert.Equal("10", records[0].GetStructuredStateValue("Attempts"));
        Assert.Equal("100000000001/ap-guangzhou", records[1].GetStructuredStateValue("Catalogue"));
    }

    [Fact]
    public void A_retried_transient_store_error_is_event_3_at_warning_with_the_exception()
    {
        var logger = new FakeLogger();
        var error = new TimeoutException("the connection dropped");

        ImageRulesLog.TransientStoreErrorRetried(logger, StoreKinds.PostgreSql, 2, error);

        var record = logger.LatestRecord;
        Assert.Equal((LogLevel.Warning, 3, "TransientStoreErrorRetried"), (record.Level, record.Id.Id, record.Id.Name));
        Assert.Same(error, record.Exception);
        Assert.Equal("transient postgresql store error on attempt 2, retrying", record.Message);
    }

    [Fact]
    public void A_schema_upgrade_is_event_4_at_information_with_both_versions()
    {
        var logger = new FakeLogger();

        ImageRulesLog.SchemaUpgraded(logger, StoreKinds.Sqlite, 0, 1);

        var record = logger.LatestRecord;
        Assert.Equal((LogLevel.Information, 4, "SchemaUpgraded"), (record.Level, record.Id.Id, record.Id.Name));
        Assert.Equal("sqlite schema upgraded from version 0 to 1", record.Message);
        Assert.Equal(("0", "1"), (record.GetStructuredStateValue("FromVersion"), record.GetStructuredStateValue("ToVersion")));
    }

    [Fact]
    public void An_observer_failure_is_event_5_at_warning_with_the_observer_event_and_exception()
    {
        var logger = new FakeLogger();
        var error = new InvalidOperationException("audit log full");

        ImageRulesLog.ObserverFailed(logger, "AuditTrail", "ImageShared", error);

        var record = logger.LatestRecord;
        Assert.Equal((LogLevel.Warning, 5, "ObserverFailed"), (record.Level, record.Id.Id, record.Id.Name));
        Assert.Same(error, record.Exception);
        Assert.Equal("observer AuditTrail failed on ImageShared; the change stays saved", record.Message);
    }

    [Fact]
    public void Only_the_refusal_carries_an_account_id_and_it_is_at_debug()
    {
        var logger = new FakeLogger();
        const string Account = "100000000001";

        ImageRulesLog.OperationRefused(logger, OperationNames.Share, "InvalidAccountId.NotFound", Account, "InvalidAccountId.NotFound: `100000000001`");
        ImageRulesLog.WriteGaveUp(logger, OperationNames.Share, 10, $"{Account}/ap-guangzhou", includeAccountData: false);
        ImageRulesLog.TransientStoreErrorRetried(logger, StoreKinds.Sqlite, 1, new TimeoutException());
        ImageRulesLog.SchemaUpgraded(logger, StoreKinds.Sqlite, 0, 1);
        ImageRulesLog.ObserverFailed(logger, "AuditTrail", "ImageShared", new InvalidOperationException());

        var withAccount = logger.Collector.GetSnapshot().Where(r => r.Message.Contains(Account, StringComparison.Ordinal)).ToArray();
        Assert.Equal(LogLevel.Debug, Assert.Single(withAccount).Level);
    }

    /// <summary>A failure stand-in that counts how often it is formatted.</summary>
    private sealed class Reason(string text)
    {
        public int Formatted { get; private set; }

        public override string ToString()
        {
            Formatted++;
            return text;
        }
    }
}
