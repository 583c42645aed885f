namespace ImageRules.Policy;

/// <summary>What is wrong with a parameter value (<see cref="Failures.ParameterInvalid"/>, <see cref="Failures.ImportUrlInvalid"/>).</summary>
public enum ValueProblem
{
    /// <summary>Empty or only white space.</summary>
    Empty,

    /// <summary>Holds control, format or separator characters: bidi overrides, zero-width characters, a byte-order mark, line or paragraph separators (R36).</summary>
    ForbiddenCharacters,

    /// <summary>Starts or ends with white space.</summary>
    EdgeWhiteSpace,

    /// <summary>Holds broken text (an unpaired surrogate) or NUL.</summary>
    BrokenText,

    /// <summary>Below the smallest value allowed (a size under 1 GiB, a negative offset).</summary>
    BelowMinimum,

    /// <summary>A value the operation does not support (an import architecture or file format).</summary>
    Unsupported,

    /// <summary>Not an absolute http or https url.</summary>
    NotAUrl,

    /// <summary>Not stored in object storage of the target region.</summary>
    NotInRegion,
}
