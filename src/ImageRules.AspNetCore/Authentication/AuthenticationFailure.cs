namespace ImageRules.AspNetCore.Authentication;

/// <summary>
/// Why a request was refused before any action ran, with the provider's error code (its "common error codes") so
/// the API answers as the provider does.
/// </summary>
/// <remarks>Messages are one lowercase line without a final period, with request values in backticks.</remarks>
/// <param name="Code">The provider's error code, such as <c>AuthFailure.SignatureFailure</c>.</param>
/// <param name="Message">What was wrong with the request.</param>
internal sealed record AuthenticationFailure(string Code, string Message)
{
    /// <summary>The <c>Authorization</c> header is missing or not of the TC3-HMAC-SHA256 form.</summary>
    public static AuthenticationFailure InvalidAuthorization(string message) => new("AuthFailure.InvalidAuthorization", message);

    /// <summary>No key has the secret id the request names.</summary>
    public static AuthenticationFailure SecretIdNotFound(string message) => new("AuthFailure.SecretIdNotFound", message);

    /// <summary>The signature does not match the request, or was made over the wrong scope or headers.</summary>
    public static AuthenticationFailure SignatureFailure(string message) => new("AuthFailure.SignatureFailure", message);

    /// <summary>The request's timestamp is too far from the server's clock.</summary>
    public static AuthenticationFailure SignatureExpire(string message) => new("AuthFailure.SignatureExpire", message);

    /// <summary>The <c>X-TC-Token</c> is not the signing key's session token, or a temporary key's request lacks it.</summary>
    public static AuthenticationFailure TokenFailure(string message) => new("AuthFailure.TokenFailure", message);

    /// <summary>A required common parameter (here <c>X-TC-Timestamp</c>) is absent, as the provider reports it.</summary>
    public static AuthenticationFailure MissingParameter(string message) => new("MissingParameter", message);

    /// <summary>A common parameter (here <c>X-TC-Timestamp</c>) is malformed.</summary>
    public static AuthenticationFailure InvalidParameter(string message) => new("InvalidParameter", message);

    /// <summary><c>Code: message</c>.</summary>
    public override string ToString() => $"{Code}: {Message}";
}
