namespace ImageRules.Policy;

/// <summary>How failure messages name operations and problems: lowercase domain words.</summary>
internal static class PolicyWords
{
    public static string Words(this ImageOperation operation) => operation switch
    {
        ImageOperation.Modify => "rename or re-describe",
        ImageOperation.CancelSharing => "cancel sharing of",
        _ => operation.ToString().ToLowerInvariant(),
    };

    public static string Participle(this ImageOperation operation) => operation switch
    {
        ImageOperation.Launch => "launched",
        ImageOperation.Create => "created",
        ImageOperation.Import => "imported",
        ImageOperation.Complete => "completed",
        ImageOperation.Copy => "copied",
        ImageOperation.Modify => "modified",
        ImageOperation.Delete => "deleted",
        ImageOperation.Share => "shared",
        _ => "unshared",
    };

    public static string Words(this ValueProblem problem) => problem switch
    {
        ValueProblem.Empty => "it is empty",
        ValueProblem.ForbiddenCharacters => "it holds control, format or separator characters",
        ValueProblem.EdgeWhiteSpace => "it starts or ends with white space",
        ValueProblem.BrokenText => "it holds broken text or nul characters",
        ValueProblem.BelowMinimum => "it is below the minimum",
        ValueProblem.Unsupported => "it is not supported",
        ValueProblem.NotAUrl => "it is not an absolute http or https url",
        _ => "it is not stored in object storage of the target region",
    };
}
