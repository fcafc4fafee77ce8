using System.Buffers;
using System.Globalization;

namespace TuiSupervisor.Toml;

/// <summary>
/// Reads integers (decimal, hex, octal, binary) and floats (including inf and nan). The whole
/// token is taken first and then checked against TOML's rules, so that <c>1__0</c>, <c>01</c> or
/// <c>1.e5</c> are reported at the offending character rather than as a confusing error after a
/// partial number. Integers are parsed by hand into int64 with overflow checks; floats go through
/// <see cref="double.Parse(ReadOnlySpan{char}, NumberStyles, IFormatProvider?)"/> once the token
/// is known to be well formed.
/// </summary>
internal static class TomlNumberReader
{
    private const int MaxShownLength = 40;

    private static readonly SearchValues<char> _tokenCharacters =
        SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_+-.");

    /// <summary>The word at the cursor: the characters a number, <c>inf</c>, <c>nan</c> or a boolean can contain.</summary>
    public static ReadOnlySpan<char> PeekToken(TomlScanner scanner)
    {
        var rest = scanner.Remaining;
        var length = rest.IndexOfAnyExcept(_tokenCharacters);
        return length < 0 ? rest : rest[..length];
    }

    public static TomlValue Read(TomlScanner scanner)
    {
        var position = scanner.Position;
        var token = PeekToken(scanner);
        var value = Parse(scanner, token, position);
        scanner.Advance(token.Length);
        return value;
    }

    private static TomlValue Parse(TomlScanner scanner, ReadOnlySpan<char> token, TomlPosition position)
    {
        var negative = token.Length > 0 && token[0] == '-';
        var bodyStart = token.Length > 0 && token[0] is '+' or '-' ? 1 : 0;
        var body = token[bodyStart..];
        if (body is "inf")
        {
            return new TomlFloat(negative ? double.NegativeInfinity : double.PositiveInfinity, position);
        }

        if (body is "nan")
        {
            return new TomlFloat(double.NaN, position);
        }

        if (body.Length > 0 && char.IsAsciiLetter(body[0]))
        {
            throw TomlScanner.Error(position, $"expected a value, found '{Shorten(token)}' (strings must be quoted)");
        }

        if (body.Length > 1 && body[0] == '0' && body[1] is 'x' or 'o' or 'b')
        {
            if (bodyStart > 0)
            {
                throw TomlScanner.Error(position, "a sign is not allowed on hexadecimal, octal or binary integers");
            }

            return new TomlInteger(ParseRadix(scanner, token, position), position);
        }

        var index = bodyStart;
        ScanDigits(scanner, token, ref index, 10, "", position);
        if (token[bodyStart] == '0' && index - bodyStart > 1)
        {
            throw TomlScanner.Error(At(position, bodyStart), $"leading zeros are not allowed in '{Shorten(token)}'");
        }

        var integerEnd = index;
        if (index < token.Length && token[index] == '.')
        {
            index++;
            ScanDigits(scanner, token, ref index, 10, " after '.'", position);
        }

        if (index < token.Length && token[index] is 'e' or 'E')
        {
            index++;
            if (index < token.Length && token[index] is '+' or '-')
            {
                index++;
            }

            ScanDigits(scanner, token, ref index, 10, " in the exponent", position);
        }

        if (index < token.Length)
        {
            throw TomlScanner.Error(At(position, index), $"unexpected {TomlScanner.Describe(token[index])} in number '{Shorten(token)}'");
        }

        return integerEnd == token.Length
            ? new TomlInteger(ParseDecimal(token, negative, bodyStart, position), position)
            : new TomlFloat(ParseFloat(token), position);
    }

    /// <summary>
    /// Moves over one run of digits in which an underscore may only sit between two digits;
    /// <paramref name="where"/> completes "expected a digit…" when the run is empty.
    /// </summary>
    private static void ScanDigits(
        TomlScanner scanner, ReadOnlySpan<char> token, ref int index, int radix, string where, TomlPosition position)
    {
        if (index >= token.Length || !IsDigit(token[index], radix))
        {
            // The cursor is still at the token's start, so this also describes what follows the token.
            throw TomlScanner.Error(At(position, index), $"expected {DigitName(radix)}{where}, found {scanner.DescribeNext(index)}");
        }

        index++;
        while (index < token.Length)
        {
            if (IsDigit(token[index], radix))
            {
                index++;
            }
            else if (token[index] == '_' && index + 1 < token.Length && IsDigit(token[index + 1], radix))
            {
                index += 2;
            }
            else if (token[index] == '_')
            {
                throw TomlScanner.Error(At(position, index), "an underscore in a number must be between two digits");
            }
            else
            {
                return;
            }
        }
    }

    private static long ParseDecimal(ReadOnlySpan<char> token, bool negative, int bodyStart, TomlPosition position)
    {
        // The magnitude of long.MinValue is one more than long.MaxValue.
        var limit = negative ? (ulong)long.MaxValue + 1 : long.MaxValue;
        ulong magnitude = 0;
        foreach (var c in token[bodyStart..])
        {
            if (c == '_')
            {
                continue;
            }

            var digit = (ulong)(c - '0');
            if (magnitude > (limit - digit) / 10)
            {
                throw OutOfRange(token, position);
            }

            magnitude = (magnitude * 10) + digit;
        }

        return negative ? unchecked(-(long)magnitude) : (long)magnitude;
    }

    private static long ParseRadix(TomlScanner scanner, ReadOnlySpan<char> token, TomlPosition position)
    {
        var (radix, where) = token[1] switch
        {
            'x' => (16, " after '0x'"),
            'o' => (8, " after '0o'"),
            _ => (2, " after '0b'"),
        };
        var index = 2;
        ScanDigits(scanner, token, ref index, radix, where, position);
        if (index < token.Length)
        {
            throw TomlScanner.Error(At(position, index), $"unexpected {TomlScanner.Describe(token[index])} in number '{Shorten(token)}'");
        }

        ulong value = 0;
        foreach (var c in token[2..])
        {
            if (c == '_')
            {
                continue;
            }

            var digit = (ulong)TomlScanner.HexValue(c);
            if (value > (long.MaxValue - digit) / (ulong)radix)
            {
                throw OutOfRange(token, position);
            }

            value = (value * (ulong)radix) + digit;
        }

        return (long)value;
    }

    private static double ParseFloat(ReadOnlySpan<char> token)
    {
        Span<char> digits = token.Length <= 64 ? stackalloc char[64] : new char[token.Length];
        var length = 0;
        foreach (var c in token)
        {
            if (c != '_')
            {
                digits[length++] = c;
            }
        }

        return double.Parse(digits[..length], NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>The position of a character of the token, which never spans lines.</summary>
    private static TomlPosition At(TomlPosition token, int index) => token with { Column = token.Column + index };

    private static TomlSyntaxException OutOfRange(ReadOnlySpan<char> token, TomlPosition position) =>
        TomlScanner.Error(position, $"integer '{Shorten(token)}' does not fit in 64 bits ({long.MinValue} to {long.MaxValue})");

    private static bool IsDigit(char c, int radix) => radix switch
    {
        10 => char.IsAsciiDigit(c),
        16 => char.IsAsciiHexDigit(c),
        8 => c is >= '0' and <= '7',
        _ => c is '0' or '1',
    };

    private static string DigitName(int radix) => radix switch
    {
        10 => "a digit",
        16 => "a hexadecimal digit",
        8 => "an octal digit",
        _ => "a binary digit",
    };

    private static string Shorten(ReadOnlySpan<char> token) =>
        token.Length <= MaxShownLength ? token.ToString() : string.Concat(token[..MaxShownLength], "…");
}
