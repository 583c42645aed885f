using System.Globalization;
using System.Text;
using ImageRules.AspNetCore.Wire;

namespace ImageRules.AspNetCore.Tests.Wire;

/// <summary>Bodies and assertions the wire tests share.</summary>
internal static class WireTestJson
{
    public static WireReadResult Read(string action, string json) =>
        WireRequestReader.Read(action, Encoding.UTF8.GetBytes(json));

    /// <summary>A JSON array of <paramref name="count"/> distinct strings <c>prefix-00000001</c>…</summary>
    public static string Strings(string prefix, int count) =>
        "[" + string.Join(",", Enumerable.Range(1, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"\"{prefix}-{i:D8}\""))) + "]";

    public static T AssertRequest<T>(WireReadResult result)
        where T : WireRequest
    {
        Assert.True(result.IsSuccess, result.Error?.Code + ": " + result.Error?.Message);
        return Assert.IsAssignableFrom<T>(result.Request);
    }

    public static WireError AssertError(WireReadResult result, string code)
    {
        Assert.False(result.IsSuccess, "expected " + code + ", the body was read as " + result.Request);
        Assert.Equal(code, result.Error.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
        return result.Error;
    }
}
