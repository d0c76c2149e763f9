using Library.Domain.Common;

namespace Library.Domain.Staff.Rules;

/// <summary>The library always keeps at least one librarian, or nobody could run the admin panel.</summary>
public sealed class LastLibrarianCannotBeRemovedRule(int librarians) : IBusinessRule
{
    public bool IsBroken() => librarians <= 1;
    public string Code => "LastLibrarianCannotBeRemoved";
    public string Message => "This is the library's last librarian; make someone else a librarian first.";
}
