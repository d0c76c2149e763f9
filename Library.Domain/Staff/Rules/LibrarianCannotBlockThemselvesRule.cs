using Library.Domain.Common;

namespace Library.Domain.Staff.Rules;

/// <summary>A librarian cannot block their own library card.</summary>
public sealed class LibrarianCannotBlockThemselvesRule(string actorId, string patronId) : IBusinessRule
{
    public bool IsBroken() => string.Equals(actorId, patronId, StringComparison.Ordinal);
    public string Code => "LibrarianCannotBlockThemselves";
    public string Message => "You cannot block your own card.";
}
