using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Infrastructure.Persistence;

/// <summary>
/// "The text anywhere in the column, case ignored" on every provider: <c>lower(column) LIKE '%text%' ESCAPE '\'</c> with the
/// text lowered (Unicode) and escaped in C#, so <c>%</c> and <c>_</c> typed by a user are literal. PostgreSQL's LIKE is
/// case-sensitive and SQLite's folds ASCII only, so neither is relied on; PostgreSQL's lower() folds Unicode, and SQLite's
/// built-in lower() (ASCII only) is replaced on each connection by a Unicode one (<see cref="SqlitePragmas"/>). Korean has
/// no case: it matches as typed. Runs as a scan (no index helps a leading %), like the LIKE it replaces.
/// </summary>
internal static class CaseInsensitiveContains
{
    private const string EscapeCharacter = "\\";

    private static readonly MethodInfo Like = typeof(DbFunctionsExtensions).GetMethod(
        nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    private static readonly MethodInfo ToLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;

    /// <summary>Keeps the rows where at least one of <paramref name="columns"/> contains <paramref name="text"/> (trimmed); blank text keeps all.</summary>
    public static IQueryable<T> WhereAnyContains<T>(this IQueryable<T> source, string? text, params Expression<Func<T, string?>>[] columns) =>
        source.WhereAnyContainsOr(text, alternative: null, columns);

    /// <summary>As <see cref="WhereAnyContains{T}"/>, also keeping the rows <paramref name="alternative"/> accepts (e.g. an ISBN prefix).</summary>
    public static IQueryable<T> WhereAnyContainsOr<T>(
        this IQueryable<T> source, string? text, Expression<Func<T, bool>>? alternative, params Expression<Func<T, string?>>[] columns)
    {
        if (string.IsNullOrWhiteSpace(text) || columns.Length == 0)
        {
            return source;
        }

        // A captured value (not a constant) so EF sends it as a parameter and caches one plan for every search.
        var pattern = new Pattern(ContainsPattern(text));
        var patternValue = Expression.Property(Expression.Constant(pattern), nameof(Pattern.Value));
        var row = Expression.Parameter(typeof(T), "row");
        Expression? anyColumn = null;
        foreach (var column in columns)
        {
            var value = new Rebind(column.Parameters[0], row).Visit(column.Body);
            var matches = Expression.Call(Like, Expression.Constant(EF.Functions), Expression.Call(value, ToLower), patternValue,
                Expression.Constant(EscapeCharacter));
            anyColumn = anyColumn is null ? matches : Expression.OrElse(anyColumn, matches);
        }

        if (alternative is not null)
        {
            anyColumn = Expression.OrElse(anyColumn!, new Rebind(alternative.Parameters[0], row).Visit(alternative.Body));
        }

        return source.Where(Expression.Lambda<Func<T, bool>>(anyColumn!, row));
    }

    /// <summary><c>%text%</c>, lowered, with <c>\</c>, <c>%</c> and <c>_</c> escaped by <c>\</c>.</summary>
    public static string ContainsPattern(string text) =>
        "%" + text.Trim().ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

    private sealed class Pattern(string value)
    {
        public string Value { get; } = value;
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
