using ImageRules.AspNetCore.Authentication;

namespace ImageRules.AspNetCore.Tests.Authentication;

public class Tc3AuthorizationTests
{
    [Fact]
    public void a_well_formed_header_splits_into_its_parts()
    {
        const string header = "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168";

        Assert.True(Tc3Authorization.TryParse(header, out var parsed, out var problem), problem);

        Assert.Equal("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", parsed.SecretId.ToString());
        Assert.Equal("2019-02-25", parsed.Date.ToString());
        Assert.Equal("cvm", parsed.Service.ToString());
        Assert.Equal("content-type;host", parsed.SignedHeaders.ToString());
        Assert.Equal("72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168", parsed.Signature.ToString());
    }

    [Theory]
    [InlineData("TC3-HMAC-SHA256 Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168,SignedHeaders=content-type;host,Credential=id/2019-02-25/cvm/tc3_request")]
    [InlineData("  TC3-HMAC-SHA256 Credential=id/2019-02-25/cvm/tc3_request ,  SignedHeaders=content-type;host ,Signature=72E494EA809AD7A8C8F7A4507B9BDDCBAA8E581F516E8DA2F66E2C5A96525168  ")]
    [InlineData("TC3-HMAC-SHA256 Credential=id/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168, Timestamp=1551113065")]
    public void parts_may_come_in_any_order_and_spacing_and_unknown_parts_are_ignored(string header)
    {
        Assert.True(Tc3Authorization.TryParse(header, out var parsed, out var problem), problem);
        Assert.Equal("id", parsed.SecretId.ToString());
    }

    [Theory]
    [InlineData("", "is not of the form")]
    [InlineData("Bearer abc", "is not of the form")]
    [InlineData("tc3-hmac-sha256 Credential=id/2019-02-25/cvm/tc3_request, SignedHeaders=host, Signature=00", "is not of the form")]
    [InlineData("TC3-HMAC-SHA256 SignedHeaders=content-type;host", "has no credential")]
    [InlineData("TC3-HMAC-SHA256 Credential=id/2019-02-25/cvm/extra/tc3_request, SignedHeaders=host", "is not of the form `SecretId/Date/Service/tc3_request`")]
    [InlineData("TC3-HMAC-SHA256 Credential=id/2019-02-25//tc3_request, SignedHeaders=host", "is not of the form `SecretId/Date/Service/tc3_request`")]
    [InlineData("TC3-HMAC-SHA256 Credential=id/2019-02-25/cvm/tc3_request", "has no signed headers")]
    [InlineData("TC3-HMAC-SHA256 Credential=id/2019-02-25/cvm/tc3_request, SignedHeaders=host;", "name an empty header")]
    [InlineData("TC3-HMAC-SHA256 Credential=id/2019-02-25/cvm/tc3_request, SignedHeaders=host", "has no signature")]
    [InlineData("TC3-HMAC-SHA256 Credential=id/2019-02-25/cvm/tc3_request, SignedHeaders=host, Signature=72e4", "is not 64 hex digits")]
    public void a_malformed_header_is_refused_with_its_problem(string header, string problem)
    {
        Assert.False(Tc3Authorization.TryParse(header, out _, out var reason));
        Assert.Contains(problem, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void a_long_refused_header_is_echoed_abbreviated()
    {
        Assert.False(Tc3Authorization.TryParse("Basic " + new string('x', 500), out _, out var reason));
        Assert.Contains("Basic xxx", reason, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 100), reason, StringComparison.Ordinal);
    }
}
