namespace ImageRules.AspNetCore.Authentication;

/// <summary>
/// The API keys the image API accepts, looked up by secret id on every request. Register your own implementation in
/// the service container to keep keys elsewhere than in memory (<see cref="InMemoryApiCredentials"/> is the default).
/// </summary>
/// <remarks>Implementations must be thread-safe: requests look keys up concurrently.</remarks>
public interface IApiCredentials
{
    /// <summary>The credential whose <see cref="ApiCredential.SecretId"/> is <paramref name="secretId"/>.</summary>
    /// <param name="secretId">The secret id a request's <c>Authorization</c> header names, compared ordinally.</param>
    /// <returns>The credential, or <see langword="null"/> when no key has that id.</returns>
    ApiCredential? Find(string secretId);
}
