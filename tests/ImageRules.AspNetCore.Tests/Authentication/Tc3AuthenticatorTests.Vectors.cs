using System.Security.Cryptography;
using System.Text;
using ImageRules.AspNetCore.Authentication;
using ImageRules.AspNetCore.Tests.Support;
using ImageRules.Domain;
using Microsoft.AspNetCore.Http;

namespace ImageRules.AspNetCore.Tests.Authentication;

/// <summary>Fixed vectors from outside this code: the official Node SDK's signer and the provider's documentation.</summary>
public partial class Tc3AuthenticatorTests
{
    // Produced by the official Node SDK's own signer (Sign.sign3 of tencentcloud-sdk-nodejs-common 4.1.220, as installed
    // by tencentcloud-sdk-nodejs-cvm 4.1.316): in tests/conformance, `npm ci && node tools/sign-vector.mjs`. Each request
    // is laid out as the SDK sends it to endpoint 127.0.0.1:8080: Host with the port, the hostname alone signed, service
    // "127", the SDK's JSON body; timestamp 1767225600 (2026-01-01T00:00:00Z).
    private static readonly ApiCredential NodeSdkKey =
        new("AKIDimagerulesCONFORMANCE0001", "imagerulesCONFORMANCEsecretkey01", new AccountId("1038493875"));

    public static TheoryData<string, string, string, string, string, string> NodeSdkVectors => new()
    {
        {
            "POST", "", "application/json", "DescribeImages",
            """{"Filters":[{"Name":"image-type","Values":["PRIVATE_IMAGE"]}],"Limit":10}""",
            "TC3-HMAC-SHA256 Credential=AKIDimagerulesCONFORMANCE0001/2026-01-01/127/tc3_request, SignedHeaders=content-type;host, Signature=8426bf72620d431fb5f8af7c61aea39e64c5c57aeca0d591c21e0fa489639927"
        },
        {
            "POST", "", "application/json", "ModifyImageAttribute",
            """{"ImageId":"img-8toqc6s3","ImageName":"镜像-测试","ImageDescription":"ünïcode"}""",
            "TC3-HMAC-SHA256 Credential=AKIDimagerulesCONFORMANCE0001/2026-01-01/127/tc3_request, SignedHeaders=content-type;host, Signature=b476df77d786c32231d469290dc208fa197f6755c35a83d26e9d792a291a28b3"
        },
        {
            "GET", "?Limit=10&ImageIds.0=img-8toqc6s3", "application/x-www-form-urlencoded", "DescribeImages", "",
            "TC3-HMAC-SHA256 Credential=AKIDimagerulesCONFORMANCE0001/2026-01-01/127/tc3_request, SignedHeaders=content-type;host, Signature=61fd34976a7a0bfb0fad7ed64a8c538e903b1ef7ddab49485813c1cb511f41ea"
        },
    };

    [Theory]
    [MemberData(nameof(NodeSdkVectors))]
    public void a_request_signed_by_the_official_node_sdk_authenticates(
        string method, string query, string contentType, string action, string body, string authorization)
    {
        var headers = new HeaderDictionary
        {
            ["Host"] = "127.0.0.1:8080", ["Content-Type"] = contentType, ["Authorization"] = authorization,
            ["X-TC-Action"] = action, ["X-TC-Timestamp"] = "1767225600", ["X-TC-Version"] = "2017-03-12", ["X-TC-Region"] = "ap-guangzhou",
        };

        var result = Authenticators.At(1_767_225_600, keys: NodeSdkKey)
            .Authenticate(method, new QueryString(query.Length == 0 ? null : query), headers, Encoding.UTF8.GetBytes(body));

        Assert.Equal(new ApiCaller(NodeSdkKey.Account, NodeSdkKey.SecretId), result.AssertAuthenticated());
    }

    // The provider's "Signature v3" documentation, DescribeInstances example: every value below is printed there
    // (SecretId AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE, SecretKey Gu5t9xGARNpq86cd98joQYCN3EXAMPLE, timestamp 1551113065).
    private const string DocumentedBody = """{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}""";
    private const string DocumentedAuthorization =
        "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168";

    [Fact]
    public void the_documented_example_authenticates()
    {
        var key = new ApiCredential("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", new AccountId("100000000001"));
        var headers = new HeaderDictionary
        {
            ["Host"] = "cvm.tencentcloudapi.com", ["Content-Type"] = "application/json; charset=utf-8", ["Authorization"] = DocumentedAuthorization,
            ["X-TC-Action"] = "DescribeInstances", ["X-TC-Timestamp"] = "1551113065", ["X-TC-Version"] = "2017-03-12", ["X-TC-Region"] = "ap-guangzhou",
        };

        var result = Authenticators.At(1_551_113_065, keys: key).Authenticate("POST", QueryString.Empty, headers, Encoding.UTF8.GetBytes(DocumentedBody));

        Assert.Equal(key.Account, result.AssertAuthenticated().Account);
    }

    [Fact]
    public void the_reference_signer_reproduces_each_documented_step()
    {
        var canonical = ReferenceSigner.CanonicalRequest(
            "POST", "", [("content-type", "application/json; charset=utf-8"), ("host", "cvm.tencentcloudapi.com")], Encoding.UTF8.GetBytes(DocumentedBody));
        var stringToSign = ReferenceSigner.StringToSign(1_551_113_065, "2019-02-25", "cvm", canonical);

        Assert.EndsWith("\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064", canonical, StringComparison.Ordinal);
        Assert.Equal("5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031", ReferenceSigner.Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))));
        Assert.Equal(
            "72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
            ReferenceSigner.Signature("Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", "2019-02-25", "cvm", stringToSign));
    }
}
