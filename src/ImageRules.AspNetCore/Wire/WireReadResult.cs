using System.Diagnostics.CodeAnalysis;

namespace ImageRules.AspNetCore.Wire;

/// <summary>What <see cref="WireRequestReader.Read"/> made of a body: the typed request, or the wire error to answer.</summary>
/// <remarks>Exactly one of <see cref="Request"/> and <see cref="Error"/> is set. Immutable.</remarks>
internal sealed class WireReadResult
{
    private WireReadResult(WireRequest? request, WireError? error)
    {
        Request = request;
        Error = error;
    }

    /// <summary>The request, valid by <see cref="WireRequest.Validate"/>; match it on the action's type.</summary>
    public WireRequest? Request { get; }

    /// <summary>The error to answer in the envelope.</summary>
    public WireError? Error { get; }

    /// <summary>True when the body was read into a valid request.</summary>
    [MemberNotNullWhen(true, nameof(Request))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Request is not null;

    public static WireReadResult Success(WireRequest request) => new(request, null);

    public static WireReadResult Failure(WireError error) => new(null, error);

    /// <summary>The request as <typeparamref name="T"/>, for the caller that already knows the action.</summary>
    public bool TryGetRequest<T>([NotNullWhen(true)] out T? request)
        where T : WireRequest
    {
        request = Request as T;
        return request is not null;
    }
}
