using System.Net.Http.Headers;
using ImageRules.AspNetCore.Authentication;
using ImageRules.AspNetCore.Tests.Support;
using ImageRules.Domain;
using ImageRules.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ImageRules.AspNetCore.Tests.Authentication;

/// <summary>The Node SDK's requests, byte for byte, through an in-process ASP.NET Core server to the authenticator.</summary>
public sealed class Tc3AuthenticatorHttpTests : IAsyncLifetime
{
    private static readonly ApiCredential NodeSdkKey =
        new("AKIDimagerulesCONFORMANCE0001", "imagerulesCONFORMANCEsecretkey01", new AccountId("1038493875"));

    private WebApplication? app;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services
            .AddSingleton<IApiCredentials>(new InMemoryApiCredentials([NodeSdkKey]))
            .AddSingleton<TimeProvider>(new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(TestRequest.Now)))
            .AddImageApiAuthentication();
        app = builder.Build();
        app.Run(AnswerWhoIsCalling);
        await app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Tc3AuthenticatorTests.NodeSdkVectors), MemberType = typeof(Tc3AuthenticatorTests))]
    public async Task a_request_sent_as_the_node_sdk_sends_it_authenticates(
        string method, string query, string contentType, string action, string body, string authorization)
    {
        using var client = app!.GetTestClient();
        client.BaseAddress = new Uri("http://127.0.0.1:8080/");
        using var request = new HttpRequestMessage(new HttpMethod(method), "/" + query);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.Add("X-TC-Action", action);
        request.Headers.Add("X-TC-Timestamp", TestRequest.Now.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("X-TC-Version", "2017-03-12");
        request.Headers.Add("X-TC-Region", "ap-guangzhou");
        request.Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body)) { Headers = { ContentType = MediaTypeHeaderValue.Parse(contentType) } };

        using var response = await client.SendAsync(request);

        Assert.Equal("1038493875", await response.Content.ReadAsStringAsync());
    }

    private static async Task AnswerWhoIsCalling(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var result = context.RequestServices.GetRequiredService<Tc3Authenticator>().Authenticate(context.Request, body.ToArray());
        await context.Response.WriteAsync(result.Match(caller => caller.Account.Value, failure => failure.ToString()));
    }
}
