using System.Globalization;
using System.Text.RegularExpressions;
using Provenance.Internal;

namespace Provenance.Yaml;

/// <summary>ISO 8601 date-times with a required UTC offset, as the graph format writes <c>published</c>.</summary>
internal static partial class IsoDate
{
    public static bool TryParse(string text, out DateTimeOffset value, out string error)
    {
        value = default;
        var m = Pattern().Match(text);
        if (!m.Success)
        {
            error = ErrorMessages.DateMalformed(text);
            return false;
        }

        if (!m.Groups["hour"].Success || !m.Groups["offset"].Success)
        {
            error = ErrorMessages.DateWithoutOffset(text);
            return false;
        }

        static int N(Match m, string group) =>
            m.Groups[group].Success ? int.Parse(m.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture) : 0;

        int year = N(m, "year"), month = N(m, "month"), day = N(m, "day");
        int hour = N(m, "hour"), minute = N(m, "minute"), second = N(m, "second");
        var reason =
            year < 1 ? "year 0 does not exist"
            : month is < 1 or > 12 ? $"there is no month {month}"
            : day < 1 || day > DateTime.DaysInMonth(year, month) ? $"{year:D4}-{month:D2} has {DateTime.DaysInMonth(year, month)} days"
            : hour > 23 ? $"there is no hour {hour}"
            : minute > 59 ? $"there is no minute {minute}"
            : second > 59 ? $"there is no second {second}"
            : null;

        var offset = TimeSpan.Zero;
        var offsetText = m.Groups["offset"].Value;
        if (reason is null && offsetText is not ("Z" or "z"))
        {
            var hours = int.Parse(offsetText.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture);
            var minutes = int.Parse(offsetText.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture);
            offset = new TimeSpan(hours, minutes, 0) * (offsetText[0] == '-' ? -1 : 1);
            if (minutes > 59 || hours > 14 || (hours == 14 && minutes > 0))
            {
                reason = $"offset {offsetText} is beyond ±14:00";
            }
        }

        if (reason is not null)
        {
            error = ErrorMessages.DateImpossible(text, reason);
            return false;
        }

        var ticks = 0L;
        if (m.Groups["fraction"].Success)
        {
            var digits = m.Groups["fraction"].Value.PadRight(7, '0');
            ticks = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);

        // In ticks, because subtracting the offset from a DateTime throws at the ends of its range (issue 9: 9999-12-31T23:00:00-14:00).
        var utc = local.Ticks - offset.Ticks;
        if (utc < DateTime.MinValue.AddDays(1).Ticks || utc > DateTime.MaxValue.AddDays(-1).Ticks)
        {
            error = ErrorMessages.DateImpossible(text, "it is out of range");
            return false;
        }

        value = new DateTimeOffset(local, offset);
        error = "";
        return true;
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

    [GeneratedRegex(@"^(?<year>[0-9]{4})-(?<month>[0-9]{2})-(?<day>[0-9]{2})(?:[Tt ](?<hour>[0-9]{2}):(?<minute>[0-9]{2})(?::(?<second>[0-9]{2})(?:\.(?<fraction>[0-9]{1,7}))?)?)?(?<offset>Z|z|[+-][0-9]{2}:[0-9]{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
