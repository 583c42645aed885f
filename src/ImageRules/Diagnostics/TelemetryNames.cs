namespace ImageRules.Diagnostics;

/// <summary>
/// The values of the <c>imagerules.operation</c> tag: one per service operation, lowercase with underscores as
/// OpenTelemetry's conventions write enumerated values. Stable across versions: dashboards and alerts filter on them.
/// </summary>
internal static class OperationNames
{
    /// <summary>Deciding whether an account may launch an instance from an image.</summary>
    public const string Launch = "launch";

    /// <summary>Listing the images an account can see in a region.</summary>
    public const string Describe = "describe";

    /// <summary>Listing the accounts an image is shared with.</summary>
    public const string DescribeSharePermissions = "describe_share_permissions";

    /// <summary>Reading an account's custom-image quota in a region.</summary>
    public const string GetQuota = "get_quota";

    /// <summary>Creating a custom image from an instance.</summary>
    public const string Create = "create";

    /// <summary>Importing a custom image from an object-storage file.</summary>
    public const string Import = "import";

    /// <summary>Copying a custom image to another region.</summary>
    public const string Copy = "copy";

    /// <summary>Renaming or re-describing a custom image.</summary>
    public const string Modify = "modify";

    /// <summary>Deleting a custom image.</summary>
    public const string Delete = "delete";

    /// <summary>Sharing a custom image with accounts.</summary>
    public const string Share = "share";

    /// <summary>Cancelling the sharing of a custom image with some or every account.</summary>
    public const string CancelSharing = "cancel_sharing";

    /// <summary>Completing (or failing) an image still being made.</summary>
    public const string Complete = "complete";

    /// <summary>Publishing a public image (setup).</summary>
    public const string Publish = "publish";

    /// <summary>
    /// The span name of <paramref name="operation"/>: <c>ImageRules</c> and the operation, such as
    /// <c>ImageRules share</c>; a constant for every operation above, so naming a span allocates nothing.
    /// </summary>
    public static string SpanName(string operation) => operation switch
    {
        Launch => "ImageRules launch",
        Describe => "ImageRules describe",
        DescribeSharePermissions => "ImageRules describe_share_permissions",
        GetQuota => "ImageRules get_quota",
        Create => "ImageRules create",
        Import => "ImageRules import",
        Copy => "ImageRules copy",
        Modify => "ImageRules modify",
        Delete => "ImageRules delete",
        Share => "ImageRules share",
        CancelSharing => "ImageRules cancel_sharing",
        Complete => "ImageRules complete",
        Publish => "ImageRules publish",
        _ => "ImageRules " + operation,
    };
}

/// <summary>The values of the <c>imagerules.store</c> tag: which kind of store the service runs over.</summary>
internal static class StoreKinds
{
    /// <summary>The in-memory store of the core package.</summary>
    public const string InMemory = "in_memory";

    /// <summary>ImageRules.Sqlite (OpenTelemetry's <c>db.system.name</c> value for SQLite).</summary>
    public const string Sqlite = "sqlite";

    /// <summary>ImageRules.PostgreSql (OpenTelemetry's <c>db.system.name</c> value for PostgreSQL).</summary>
    public const string PostgreSql = "postgresql";

    /// <summary>A store this library does not know (a host's own repositories).</summary>
    public const string Other = "other";
}

/// <summary>
/// The values of the <c>imagerules.outcome</c> tag other than a refusal's provider error code (such as
/// <c>InvalidImageId.NotFound</c>), which is the outcome of a refused operation.
/// </summary>
internal static class Outcomes
{
    /// <summary>The operation succeeded (and, for a write, was saved).</summary>
    public const string Success = "success";

    /// <summary>The operation ended with an exception other than a cancellation (see <c>error.type</c>).</summary>
    public const string Error = "error";

    /// <summary>The caller cancelled the operation.</summary>
    public const string Cancelled = "cancelled";
}

/// <summary>The names of ImageRules' instruments and tags (OpenTelemetry semantic-convention style).</summary>
internal static class TelemetryNames
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/> name, for <c>AddSource</c> and <c>AddMeter</c>.</summary>
    public const string SourceName = "ImageRules";

    /// <summary>Counter of completed operations.</summary>
    public const string Operations = "imagerules.operations";

    /// <summary>Histogram of operation durations, in seconds.</summary>
    public const string OperationDuration = "imagerules.operation.duration";

    /// <summary>Counter of writes decided again because another writer changed the catalogue first.</summary>
    public const string ConcurrencyRetries = "imagerules.concurrency.retries";

    /// <summary>Counter of writes that gave up after every attempt lost a race.</summary>
    public const string ConcurrencyGaveUp = "imagerules.concurrency.gave_up";

    /// <summary>Counter of transient store errors that were retried.</summary>
    public const string StoreTransientErrors = "imagerules.store.transient_errors";

    /// <summary>Tag: the operation (see <see cref="OperationNames"/>).</summary>
    public const string OperationTag = "imagerules.operation";

    /// <summary>Tag: <see cref="Outcomes.Success"/>, a provider error code, <see cref="Outcomes.Error"/> or <see cref="Outcomes.Cancelled"/>.</summary>
    public const string OutcomeTag = "imagerules.outcome";

    /// <summary>Span tag: how many times the operation was decided (1 unless it lost a race).</summary>
    public const string AttemptsTag = "imagerules.attempts";

    /// <summary>Tag: the store kind (see <see cref="StoreKinds"/>).</summary>
    public const string StoreTag = "imagerules.store";

    /// <summary>OpenTelemetry's <c>error.type</c>: the exception's full type name, when an operation threw.</summary>
    public const string ErrorTypeTag = "error.type";
}
