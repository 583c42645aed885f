using ImageRules.Domain;

namespace ImageRules.Policy.Failures;

/// <summary>The import file's url is not an http(s) url of object storage in the target region, or names a file format that cannot be imported (R18).</summary>
/// <remarks>Code <c>InvalidParameter.InvalidParameterUrlError</c>; rules R18.</remarks>
public sealed class ImportUrlInvalid : Failure
{
    /// <summary>Makes the failure.</summary>
    /// <param name="url">The url given.</param>
    /// <param name="problem">What is wrong with it.</param>
    public ImportUrlInvalid(string? url, ValueProblem problem)
        : base("InvalidParameter.InvalidParameterUrlError")
    {
        Url = url;
        Problem = problem;
    }

    /// <summary>The url given.</summary>
    public string? Url { get; }

    /// <summary>What is wrong with it.</summary>
    public ValueProblem Problem { get; }

    private protected override object? Fields => (Url, Problem);

    private protected override string Describe() => $"import url {IdSyntax.Quote(Url)} is refused: {Problem.Words()}";
}
