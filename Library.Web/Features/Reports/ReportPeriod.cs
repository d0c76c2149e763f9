using Library.Domain.Lending;

namespace Library.Web.Features.Reports;

/// <summary>
/// A report's period: library-local days <see cref="From"/> to <see cref="To"/>, both included, at most a year and a day
/// (366 days) and never after today. Its instants are [start of From, start of the day after To).
/// </summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To)
{
    public const int MaxDays = 366;
    public const int DefaultDays = 30;

    public int Days => To.DayNumber - From.DayNumber + 1;

    public IEnumerable<DateOnly> EachDay() => Enumerable.Range(0, Days).Select(From.AddDays);

    public static ReportPeriod LastDays(DateOnly today, int days) => new(today.AddDays(1 - days), today);

    /// <summary>The period from query values (yyyy-MM-dd); missing ones default to the last 30 days up to today.</summary>
    /// <returns>The period, or the validation errors by parameter name.</returns>
    public static (ReportPeriod? Period, Dictionary<string, string[]> Errors) Parse(string? from, string? to, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        DateOnly? end = today, start = null;
        if (!string.IsNullOrWhiteSpace(to))
        {
            end = DateOnly.TryParseExact(to.Trim(), "yyyy-MM-dd", out var parsed) ? parsed : null;
            if (end is null)
            {
                errors["to"] = ["to must be a date written yyyy-MM-dd."];
            }
        }

        if (!string.IsNullOrWhiteSpace(from))
        {
            start = DateOnly.TryParseExact(from.Trim(), "yyyy-MM-dd", out var parsed) ? parsed : null;
            if (start is null)
            {
                errors["from"] = ["from must be a date written yyyy-MM-dd."];
            }
        }
        else if (end is { } e)
        {
            start = e.AddDays(1 - DefaultDays);
        }

        if (errors.Count > 0 || start is not { } s || end is not { } t)
        {
            return (null, errors);
        }

        if (t > today)
        {
            errors["to"] = [$"to must not be after today ({today:yyyy-MM-dd} in the library's time zone)."];
        }
        else if (s > t)
        {
            errors["from"] = ["from must not be after to."];
        }
        else if (t.DayNumber - s.DayNumber + 1 > MaxDays)
        {
            errors["from"] = [$"The period is at most {MaxDays} days."];
        }

        return errors.Count > 0 ? (null, errors) : (new ReportPeriod(s, t), errors);
    }

    public DateTimeOffset Start(LibraryCalendar calendar) => calendar.StartOf(From);

    public DateTimeOffset End(LibraryCalendar calendar) => calendar.StartOf(To.AddDays(1));
}
