using Library.Domain.Common;

namespace Library.Domain.Accounts.Rules;

/// <summary>The library always keeps at least one librarian who can run it.</summary>
public sealed class LastLibrarianCannotBeDeletedRule(bool isLibrarian, int librarianCount) : IBusinessRule
{
    public bool IsBroken() => isLibrarian && librarianCount <= 1;
    public string Code => "LastLibrarianCannotBeDeleted";
    public string Message => "You are the only librarian. Make someone else a librarian before deleting your account.";
}
