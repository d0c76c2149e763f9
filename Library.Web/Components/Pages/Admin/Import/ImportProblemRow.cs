namespace Library.Web.Components.Pages.Admin.Import;

/// <summary>One row of the problems table, already in the librarian's language.</summary>
public sealed record ImportProblemRow(int Line, string Field, string Result, string Message);
