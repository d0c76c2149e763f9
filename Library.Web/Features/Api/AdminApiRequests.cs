namespace Library.Web.Features.Api;

public sealed record DueDateRequest(DateTimeOffset? DueAt);

public sealed record CheckInRequest(int Quantity);

public sealed record ReasonRequest(string? Reason);

/// <summary>PUT /api/admin/calendar: the whole calendar as it should be (weekdays as names, e.g. "Sunday"; dates as yyyy-MM-dd).</summary>
public sealed record CalendarRequest(IReadOnlyList<DayOfWeek>? ClosedWeekdays, IReadOnlyList<ClosedDateRequest>? ClosedDates);

public sealed record ClosedDateRequest(DateOnly? Date, string? Note);
