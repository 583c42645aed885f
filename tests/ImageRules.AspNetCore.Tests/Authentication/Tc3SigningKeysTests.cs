using ImageRules.AspNetCore.Authentication;
using ImageRules.AspNetCore.Tests.Support;

namespace ImageRules.AspNetCore.Tests.Authentication;

public sealed class Tc3SigningKeysTests
{
    private static readonly string[] SecretKeys = ["Gu5t9xGARNpq86cd98joQYCN3Cozk1qA", "imagerulesTEMPORARYsecretkey0001", "密钥-non-ascii"];
    private static readonly string[] Dates = ["2026-12-01", "2026-12-02", "2026-12-03", "2027-01-01"];
    private static readonly string[] Services = ["cvm", "127", "localhost", "cvm.internal", "s", new('x', 65)];

    // 3 × 4 × 6 = 72 scopes for 64 slots: some share a slot, and each asked twice must still get its own key.
    public static TheoryData<int> Rounds => new() { 1, 2 };

    [Theory]
    [MemberData(nameof(Rounds))]
    public void Find_EveryScopeAskedAgainAndAgain_IsTheKeyDerivedForThatSecretKeyDateAndService(int rounds)
    {
        var keys = new Tc3SigningKeys();

        for (var round = 0; round < rounds; round++)
        {
            foreach (var (secretKey, date, service) in Scopes())
            {
                Assert.Equal(ReferenceSigner.SigningKey(secretKey, date, service), Find(keys, secretKey, date, service));
                Assert.Equal(ReferenceSigner.SigningKey(secretKey, date, service), Find(keys, secretKey, date, service));
            }
        }
    }

    // More scopes than slots, alike but in one part: some must share a slot, and the part alone tells their keys apart.
    public static TheoryData<string> DifferingPart => new() { "date", "secret key", "service" };

    [Theory]
    [MemberData(nameof(DifferingPart))]
    public void Find_ScopesDifferingInOnePart_AreEachTheirOwnKey(string part)
    {
        var keys = new Tc3SigningKeys();
        var day = new DateOnly(2026, 12, 1);

        for (var i = 0; i < 3 * Tc3SigningKeys.Slots; i++)
        {
            var (secretKey, date, service) = part switch
            {
                "date" => (SecretKeys[0], day.AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "cvm"),
                "secret key" => ($"secret-{i}", "2026-12-01", "cvm"),
                _ => (SecretKeys[0], "2026-12-01", $"service-{i}"),
            };

            Assert.Equal(ReferenceSigner.SigningKey(secretKey, date, service), Find(keys, secretKey, date, service));
        }
    }

    [Fact]
    public async Task Find_FromManyThreadsAtOnce_GivesEachItsOwnScopesKey()
    {
        var keys = new Tc3SigningKeys();
        var scopes = Scopes().ToArray();

        var wrong = await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            var mismatches = 0;
            for (var i = 0; i < 2_000; i++)
            {
                var (secretKey, date, service) = scopes[(i * 7 + worker) % scopes.Length];
                if (!Find(keys, secretKey, date, service).AsSpan().SequenceEqual(ReferenceSigner.SigningKey(secretKey, date, service))) mismatches++;
            }

            return mismatches;
        })));

        Assert.All(wrong, mismatches => Assert.Equal(0, mismatches));
    }

    private static IEnumerable<(string SecretKey, string Date, string Service)> Scopes() =>
        from secretKey in SecretKeys from date in Dates from service in Services select (secretKey, date, service);

    private static byte[] Find(Tc3SigningKeys keys, string secretKey, string date, string service)
    {
        var key = new byte[Tc3Signature.Size];
        keys.Find(secretKey, date, service, key);
        return key;
    }
}
