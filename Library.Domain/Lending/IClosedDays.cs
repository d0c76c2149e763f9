namespace Library.Domain.Lending;

/// <summary>The days the library is closed (closed weekdays and closed dates), as the librarian keeps them.</summary>
public interface IClosedDays
{
    bool IsClosed(DateOnly day);
}
