using Library.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Library.Web.Features.Import;

/// <summary>Problems and file errors in the librarian's language (the page's culture, or the API request's).</summary>
internal sealed class ImportMessages(IStringLocalizer<ImportText> t)
{
    public string Field(string field) => t["Import.Field." + field] is { ResourceNotFound: false } label ? label : field;

    public string Problem(ImportProblem problem) => t[problem.Code, problem.Arguments];

    /// <summary>"Field: message", as the API's <c>error</c>.</summary>
    public string FieldAndProblem(ImportProblem problem) => $"{Field(problem.Field)}: {Problem(problem)}";

    public string File(ImportFileUnreadableException unreadable) => t[unreadable.Code, unreadable.Arguments];
}
