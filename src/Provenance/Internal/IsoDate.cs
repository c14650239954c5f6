using System.Globalization;

namespace Provenance.Internal;

/// <summary>How a date-time text failed to parse, so each format can word its message from the one catalogue.</summary>
internal enum DateProblem
{
    /// <summary>The text parsed.</summary>
    None,

    /// <summary>Not of the accepted shape at all.</summary>
    Malformed,

    /// <summary>Of the accepted shape, but without a time or without a UTC offset.</summary>
    NoOffset,

    /// <summary>Of the accepted shape, but naming a date, time or offset that does not exist.</summary>
    Impossible,
}

/// <summary>
/// The one date-time parser of every format (YAML, JSON Lines, PROV-JSON): ISO 8601 / RFC 3339 date and time
/// <c>yyyy-MM-dd</c>, then <c>T</c>, <c>t</c> or a space, <c>HH:mm</c>, optional <c>:ss</c> with optional 1-7
/// fraction digits, then <c>Z</c>, <c>z</c> or <c>±hh:mm</c> (at most ±14:00). The JSON Schema's <c>dateTime</c>
/// pattern spells the same set.
/// </summary>
internal static class IsoDate
{
    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> is the message to report.</summary>
    public static bool TryParse(string text, out DateTimeOffset value, out string error)
    {
        var problem = Parse(text, out value, out var reason);
        error = Message(text, problem, reason);
        return problem == DateProblem.None;
    }

    /// <summary>The catalogue message for a failed parse of <paramref name="text"/>; empty for <see cref="DateProblem.None"/>.</summary>
    public static string Message(string text, DateProblem problem, string? reason) => problem switch
    {
        DateProblem.None => "",
        DateProblem.NoOffset => ErrorMessages.DateWithoutOffset(text),
        DateProblem.Impossible => ErrorMessages.DateImpossible(text, reason!),
        _ => ErrorMessages.DateMalformed(text),
    };

    /// <summary>Parses <paramref name="text"/> without allocating when it is valid.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The date-time, with the offset as written.</param>
    /// <param name="reason">For <see cref="DateProblem.Impossible"/>, what does not exist.</param>
    /// <returns>What is wrong, or <see cref="DateProblem.None"/>.</returns>
    public static DateProblem Parse(ReadOnlySpan<char> text, out DateTimeOffset value, out string? reason)
    {
        value = default;
        reason = null;

        // yyyy-MM-dd
        if (text.Length < 10 || !Digits(text, 0, 4, out var year) || text[4] != '-' || !Digits(text, 5, 2, out var month)
            || text[7] != '-' || !Digits(text, 8, 2, out var day))
        {
            return DateProblem.Malformed;
        }

        var p = 10;
        int hour = 0, minute = 0, second = 0;
        long ticks = 0;
        var hasTime = false;
        if (p < text.Length && text[p] is 'T' or 't' or ' ')
        {
            if (!Digits(text, p + 1, 2, out hour) || p + 3 >= text.Length || text[p + 3] != ':' || !Digits(text, p + 4, 2, out minute))
            {
                return DateProblem.Malformed;
            }

            hasTime = true;
            p += 6;
            if (p < text.Length && text[p] == ':')
            {
                if (!Digits(text, p + 1, 2, out second))
                {
                    return DateProblem.Malformed;
                }

                p += 3;
                if (p < text.Length && text[p] == '.')
                {
                    var start = ++p;
                    while (p < text.Length && char.IsAsciiDigit(text[p]))
                    {
                        ticks = (ticks * 10) + (text[p] - '0');
                        p++;
                    }

                    var digits = p - start;
                    if (digits is 0 or > 7)
                    {
                        return DateProblem.Malformed;
                    }

                    for (var i = digits; i < 7; i++)
                    {
                        ticks *= 10;
                    }
                }
            }
        }

        var offsetMinutes = 0;
        var hasOffset = false;
        if (p < text.Length && text[p] is 'Z' or 'z')
        {
            hasOffset = true;
            p++;
        }
        else if (p < text.Length && text[p] is '+' or '-')
        {
            if (!Digits(text, p + 1, 2, out var oh) || p + 3 >= text.Length || text[p + 3] != ':' || !Digits(text, p + 4, 2, out var om))
            {
                return DateProblem.Malformed;
            }

            hasOffset = true;
            if (om > 59 || oh > 14 || (oh == 14 && om > 0))
            {
                reason = $"offset {text.Slice(p, 6)} is beyond ±14:00";
            }

            offsetMinutes = ((oh * 60) + om) * (text[p] == '-' ? -1 : 1);
            p += 6;
        }

        if (p != text.Length)
        {
            return DateProblem.Malformed;
        }

        if (!hasTime || !hasOffset)
        {
            return DateProblem.NoOffset;
        }

        var dateReason =
            year < 1 ? "year 0 does not exist"
            : month is < 1 or > 12 ? $"there is no month {month}"
            : day < 1 || day > DateTime.DaysInMonth(year, month) ? $"{year:D4}-{month:D2} has {DateTime.DaysInMonth(year, month)} days"
            : hour > 23 ? $"there is no hour {hour}"
            : minute > 59 ? $"there is no minute {minute}"
            : second > 59 ? $"there is no second {second}"
            : null;
        reason = dateReason ?? reason;
        if (reason is not null)
        {
            return DateProblem.Impossible;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
        var offset = TimeSpan.FromMinutes(offsetMinutes);

        // In ticks, because subtracting the offset from a DateTime throws at the ends of its range (issue 9: 9999-12-31T23:00:00-14:00).
        var utc = local.Ticks - offset.Ticks;
        if (utc < DateTime.MinValue.AddDays(1).Ticks || utc > DateTime.MaxValue.AddDays(-1).Ticks)
        {
            reason = "it is out of range";
            return DateProblem.Impossible;
        }

        value = new DateTimeOffset(local, offset);
        return DateProblem.None;
    }

    /// <summary>Formats as <c>yyyy-MM-ddTHH:mm:ss[.fffffff]±hh:mm</c>, the shortest form that round-trips.</summary>
    public static string Format(DateTimeOffset value)
    {
        var fraction = value.Ticks % TimeSpan.TicksPerSecond;
        var text = value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        if (fraction != 0)
        {
            text += "." + fraction.ToString("D7", CultureInfo.InvariantCulture).TrimEnd('0');
        }

        return text + value.ToString("zzz", CultureInfo.InvariantCulture);
    }

    private static bool Digits(ReadOnlySpan<char> text, int start, int count, out int value)
    {
        value = 0;
        if (start + count > text.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            value = (value * 10) + (text[i] - '0');
        }

        return true;
    }
}
