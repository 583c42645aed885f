using Microsoft.Extensions.Logging;

namespace ImageRules.Diagnostics;

/// <summary>
/// ImageRules' log events, source-generated (<see cref="LoggerMessageAttribute"/>): no formatting and no allocation
/// unless the level is enabled. Event ids and names are stable across versions, so operators may filter on them.
/// </summary>
/// <remarks>
/// <list type="table">
///   <listheader><term>Id, name</term><description>Level: when; fields</description></listheader>
///   <item><term>1 <c>OperationRefused</c></term><description>Debug: the policy refused an operation; Operation,
///   Code, Caller (an account id), Reason.</description></item>
///   <item><term>2 <c>WriteGaveUp</c></term><description>Warning: a write lost every race and gave up; Operation,
///   Attempts, Catalogue (<c>withheld</c> unless the host opts in to account data).</description></item>
///   <item><term>3 <c>TransientStoreErrorRetried</c></term><description>Warning: a transient store error, retried;
///   Store, Attempt, and the exception.</description></item>
///   <item><term>4 <c>SchemaUpgraded</c></term><description>Information: the database schema was created or
///   upgraded; Store, FromVersion, ToVersion.</description></item>
///   <item><term>5 <c>ObserverFailed</c></term><description>Warning: an <c>IImageEventObserver</c> threw after a
///   change was saved; Observer (its type), EventType (the saved event's type), and the exception.</description></item>
///   <item><term>6 <c>EventRedelivered</c></term><description>Debug: a pending event is delivered again; EventId
///   (<c>owner/region/version</c>), EventType.</description></item>
///   <item><term>7 <c>EventDeliveryFailed</c></term><description>Warning: saved events could not be marked delivered
///   or read back (the store failed); they stay pending and are delivered again later; the exception.</description></item>
/// </list>
/// <para>Account-identifying data (account ids, and catalogues, which are an account's) appears only at Debug, unless
/// the host opts in for a Warning through the <c>includeAccountData</c> argument.</para>
/// </remarks>
internal static partial class ImageRulesLog
{
    /// <summary>What stands for account data a host has not opted in to log.</summary>
    public const string Withheld = "withheld";

    /// <summary>Event 1, Debug: the policy refused <paramref name="operation"/> for <paramref name="caller"/>.</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="operation">One of <see cref="OperationNames"/>.</param>
    /// <param name="code">The provider error code, such as <c>InvalidImageId.NotFound</c>.</param>
    /// <param name="caller">The calling account's id.</param>
    /// <param name="reason">The failure; formatted (<c>Code: message</c>) only when Debug is enabled.</param>
    [LoggerMessage(EventId = 1, EventName = "OperationRefused", Level = LogLevel.Debug,
        Message = "{Operation} refused with {Code} for account {Caller}: {Reason}")]
    public static partial void OperationRefused(ILogger logger, string operation, string code, string caller, object reason);

    /// <summary>
    /// Event 2, Warning: a write of <paramref name="operation"/> lost every one of its <paramref name="attempts"/>
    /// races and gave up. The catalogue (an account's) is logged only when <paramref name="includeAccountData"/>.
    /// </summary>
    /// <param name="logger">The logger.</param>
    /// <param name="operation">One of <see cref="OperationNames"/>.</param>
    /// <param name="attempts">How many times the write was decided.</param>
    /// <param name="catalogue">The contended catalogue (owner and region).</param>
    /// <param name="includeAccountData">Whether the host opted in to account data in logs above Debug.</param>
    public static void WriteGaveUp(ILogger logger, string operation, int attempts, string catalogue, bool includeAccountData) =>
        WriteGaveUpCore(logger, operation, attempts, includeAccountData ? catalogue : Withheld);

    /// <summary>Event 3, Warning: a transient error of the <paramref name="store"/> store, about to be retried.</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="store">One of <see cref="StoreKinds"/>.</param>
    /// <param name="attempt">The attempt that failed, from 1.</param>
    /// <param name="exception">The transient error.</param>
    [LoggerMessage(EventId = 3, EventName = "TransientStoreErrorRetried", Level = LogLevel.Warning,
        Message = "transient {Store} store error on attempt {Attempt}, retrying")]
    public static partial void TransientStoreErrorRetried(ILogger logger, string store, int attempt, Exception exception);

    /// <summary>Event 4, Information: the database schema was created (from version 0) or upgraded.</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="store">One of <see cref="StoreKinds"/>.</param>
    /// <param name="fromVersion">The version found; 0 for a new database.</param>
    /// <param name="toVersion">The version written.</param>
    [LoggerMessage(EventId = 4, EventName = "SchemaUpgraded", Level = LogLevel.Information,
        Message = "{Store} schema upgraded from version {FromVersion} to {ToVersion}")]
    public static partial void SchemaUpgraded(ILogger logger, string store, int fromVersion, int toVersion);

    /// <summary>Event 5, Warning: an observer threw after a change was saved (the change stays saved).</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="observer">The observer's type name.</param>
    /// <param name="eventType">The saved event's type name, such as <c>ImageShared</c>.</param>
    /// <param name="exception">What the observer threw.</param>
    [LoggerMessage(EventId = 5, EventName = "ObserverFailed", Level = LogLevel.Warning,
        Message = "observer {Observer} failed on {EventType}; the change stays saved")]
    public static partial void ObserverFailed(ILogger logger, string observer, string eventType, Exception exception);

    /// <summary>Event 6, Debug: a pending event is delivered again (its id names an account, so Debug only).</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="eventId">The event's stable id, <c>owner/region/version</c>.</param>
    /// <param name="eventType">The event's type name, such as <c>ImageShared</c>.</param>
    [LoggerMessage(EventId = 6, EventName = "EventRedelivered", Level = LogLevel.Debug,
        Message = "event {EventId} ({EventType}) delivered again")]
    public static partial void EventRedelivered(ILogger logger, string eventId, string eventType);

    /// <summary>Event 7, Warning: the store failed while saved events were read back or marked delivered; they stay pending.</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="exception">What the store threw.</param>
    [LoggerMessage(EventId = 7, EventName = "EventDeliveryFailed", Level = LogLevel.Warning,
        Message = "saved events could not be delivered; they stay pending and are delivered again later")]
    public static partial void EventDeliveryFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2, EventName = "WriteGaveUp", Level = LogLevel.Warning,
        Message = "{Operation} gave up after {Attempts} attempts: another writer changed catalogue {Catalogue} each time")]
    private static partial void WriteGaveUpCore(ILogger logger, string operation, int attempts, string catalogue);
}
