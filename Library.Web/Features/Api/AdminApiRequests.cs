namespace Library.Web.Features.Api;

public sealed record DueDateRequest(DateTimeOffset? DueAt);

public sealed record CheckInRequest(int Quantity);

public sealed record ReasonRequest(string? Reason);
