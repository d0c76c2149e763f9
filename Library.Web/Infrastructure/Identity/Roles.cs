namespace Library.Web.Infrastructure.Identity;

public static class Roles
{
    public const string Patron = "Patron";
    public const string Librarian = "Librarian";
}
