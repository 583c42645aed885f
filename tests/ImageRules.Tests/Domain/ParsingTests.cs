using System.Globalization;
using ImageRules.Domain;

namespace ImageRules.Tests.Domain;

/// <summary>
/// The ids as the BCL parses values (R7; instance ids R10): <see cref="IParsable{TSelf}"/> and
/// <see cref="ISpanParsable{TSelf}"/>, where <c>Parse</c> throws <see cref="FormatException"/> on malformed text and
/// <c>TryParse</c> answers false with the default value, so ids work wherever the BCL parses (configuration binding,
/// route values, generic code).
/// </summary>
public class ParsingTests
{
    public static TheoryData<string, string> WellFormed() => new()
    {
        { nameof(ImageId), "img-eb30mz89" },
        { nameof(AccountId), "1038493875" },
        { nameof(RegionId), "ap-shanghai-fsi" },
        { nameof(InstanceId), "ins-2zvx0a1b" },
    };

    public static TheoryData<string, string> Malformed() => new()
    {
        { nameof(ImageId), "img-ABCDEFGH" },
        { nameof(ImageId), "ins-2zvx0a1b" },
        { nameof(ImageId), string.Empty },
        { nameof(AccountId), "12a" },
        { nameof(AccountId), "１２３" },
        { nameof(AccountId), string.Empty },
        { nameof(RegionId), "guangzhou" },
        { nameof(RegionId), "ap-guangzhou " },
        { nameof(RegionId), string.Empty },
        { nameof(InstanceId), "img-12345678" },
        { nameof(InstanceId), "ins-1234567" },
        { nameof(InstanceId), string.Empty },
    };

    [Theory]
    [MemberData(nameof(WellFormed))]
    public void R7_R10_Parse_and_TryParse_read_well_formed_text_through_every_entry_point(string type, string text) =>
        ForType(type, new WellFormedCheck(text));

    [Theory]
    [MemberData(nameof(Malformed))]
    public void R7_R10_Parse_throws_FormatException_and_TryParse_answers_false_for_malformed_text(string type, string text) =>
        ForType(type, new MalformedCheck(text));

    [Fact]
    public void R7_TryParse_of_null_answers_false()
    {
        Assert.False(ImageId.TryParse(null, out _));
        Assert.False(AccountId.TryParse(null, out _));
        Assert.False(RegionId.TryParse(null, out _));
        Assert.False(InstanceId.TryParse(null, out _));
    }

    [Fact]
    public void R7_the_format_exception_quotes_the_text_on_one_line()
    {
        var thrown = Assert.Throws<FormatException>(() => ImageId.Parse("img-abc\ndefg", CultureInfo.InvariantCulture));

        Assert.Contains("`img-abc?defg`", thrown.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', thrown.Message);
    }

    private static void ForType(string type, IIdCheck check)
    {
        switch (type)
        {
            case nameof(ImageId): check.Run<ImageId>(id => id.Value); break;
            case nameof(AccountId): check.Run<AccountId>(id => id.Value); break;
            case nameof(RegionId): check.Run<RegionId>(id => id.Value); break;
            case nameof(InstanceId): check.Run<InstanceId>(id => id.Value); break;
            default: throw new ArgumentOutOfRangeException(nameof(type), type, "not an id type");
        }
    }

    /// <summary>A check of one id type, run through its static parsing members.</summary>
    private interface IIdCheck
    {
        void Run<T>(Func<T, string> text)
            where T : struct, ISpanParsable<T>;
    }

    private sealed class WellFormedCheck(string text) : IIdCheck
    {
        public void Run<T>(Func<T, string> value)
            where T : struct, ISpanParsable<T>
        {
            var parsed = T.Parse(text, CultureInfo.InvariantCulture);

            Assert.Equal(text, value(parsed));
            Assert.Equal(text, parsed.ToString());
            Assert.Equal(parsed, T.Parse(text.AsSpan(), provider: null));
            Assert.True(T.TryParse(text, CultureInfo.InvariantCulture, out var tried));
            Assert.Equal(parsed, tried);
            Assert.True(T.TryParse(text.AsSpan(), provider: null, out var triedSpan));
            Assert.Equal(parsed, triedSpan);
            Assert.Equal(parsed, T.Parse(parsed.ToString()!, provider: null));
        }
    }

    private sealed class MalformedCheck(string text) : IIdCheck
    {
        public void Run<T>(Func<T, string> value)
            where T : struct, ISpanParsable<T>
        {
            Assert.Throws<FormatException>(() => T.Parse(text, CultureInfo.InvariantCulture));
            Assert.Throws<FormatException>(() => T.Parse(text.AsSpan(), provider: null));
            Assert.False(T.TryParse(text, CultureInfo.InvariantCulture, out var tried));
            Assert.Equal(default, tried);
            Assert.False(T.TryParse(text.AsSpan(), provider: null, out var triedSpan));
            Assert.Equal(default, triedSpan);
        }
    }
}
