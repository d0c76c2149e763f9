using Library.Domain.Common;

namespace Library.Domain.Staff.Rules;

/// <summary>A librarian cannot take the role from themselves (another librarian must), so nobody locks themselves out by mistake.</summary>
public sealed class LibrarianCannotDemoteThemselvesRule(string actorId, string librarianId) : IBusinessRule
{
    public bool IsBroken() => string.Equals(actorId, librarianId, StringComparison.Ordinal);
    public string Code => "LibrarianCannotDemoteThemselves";
    public string Message => "You cannot remove your own librarian role; ask another librarian.";
}
