namespace ImageRules.AspNetCore.Wire;

/// <summary>
/// An error of the provider's protocol, as it travels in <c>{"Response": {"Error": {"Code", "Message"}}}</c>: the code
/// the SDKs raise (<c>TencentCloudSDKException.code</c>) and a one-line message.
/// </summary>
/// <remarks>Immutable; value equality. Codes are those of <see cref="WireErrorCodes"/>.</remarks>
/// <param name="Code">The provider's error code, for example <c>InvalidParameterValue.LimitExceeded</c>.</param>
/// <param name="Message">One line, lowercase, no final period; parameter names and user input in backticks.</param>
internal sealed record WireError(string Code, string Message);
