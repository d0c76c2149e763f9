using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Infrastructure.Persistence;

/// <summary>
/// "The text anywhere in the column, case ignored" on every provider: <c>lower(column) LIKE '%text%' ESCAPE '\'</c> with the
/// text lowered and escaped in C#, so <c>%</c> and <c>_</c> typed by a user are literal. PostgreSQL's LIKE is case-sensitive
/// and SQLite's folds ASCII only, so neither is relied on. SQLite's built-in lower() and upper() fold ASCII only, too: when the
/// text has a letter with case beyond ASCII ("É", "д") the match is <c>upper(column) LIKE '%TEXT%'</c> instead, and SQLite's
/// upper() is replaced on each connection by a Unicode one (<see cref="SqlitePragmas"/>); PostgreSQL's upper() and lower()
/// fold Unicode already. Text with no such letter (English, Korean — which has no case) keeps the built-in lower(), 1.5–2×
/// as fast on SQLite as the managed upper(). Runs as a scan (no index helps a leading %), like the LIKE it replaces.
/// </summary>
internal static class CaseInsensitiveContains
{
    private const string EscapeCharacter = "\\";

    private static readonly MethodInfo Like = typeof(DbFunctionsExtensions).GetMethod(
        nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    private static readonly MethodInfo ToLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;
    private static readonly MethodInfo ToUpper = typeof(string).GetMethod(nameof(string.ToUpper), Type.EmptyTypes)!;

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

        var unicode = HasCaseBeyondAscii(text);
        var pattern = new Pattern(ContainsPattern(text, unicode));
        var fold = unicode ? ToUpper : ToLower;
        // A captured value (not a constant) so EF sends it as a parameter and caches one plan per shape.
        var patternValue = Expression.Property(Expression.Constant(pattern), nameof(Pattern.LikePattern));
        var row = Expression.Parameter(typeof(T), "row");
        Expression? anyColumn = null;
        foreach (var column in columns)
        {
            var value = new Rebind(column.Parameters[0], row).Visit(column.Body);
            var matches = Expression.Call(Like, Expression.Constant(EF.Functions), Expression.Call(value, fold), patternValue,
                Expression.Constant(EscapeCharacter));
            anyColumn = anyColumn is null ? matches : Expression.OrElse(anyColumn, matches);
        }

        if (alternative is not null)
        {
            anyColumn = Expression.OrElse(anyColumn!, new Rebind(alternative.Parameters[0], row).Visit(alternative.Body));
        }

        return source.Where(Expression.Lambda<Func<T, bool>>(anyColumn!, row));
    }

    /// <summary><c>%text%</c>, lowered (upper-cased for <paramref name="upper"/>), with <c>\</c>, <c>%</c> and <c>_</c> escaped by <c>\</c>.</summary>
    public static string ContainsPattern(string text, bool upper = false)
    {
        var folded = upper ? text.Trim().ToUpperInvariant() : text.Trim().ToLowerInvariant();
        return "%" + EscapeLike(folded) + "%";
    }

    /// <summary>The text for a LIKE pattern with <c>\</c> as its escape (SQLite: <c>ESCAPE '\'</c>; PostgreSQL's default): <c>\</c>, <c>%</c> and <c>_</c> literal.</summary>
    public static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    /// <summary>True when the text has a non-ASCII letter with an upper and a lower form (not Korean, which has no case).</summary>
    public static bool HasCaseBeyondAscii(string text) =>
        text.Any(c => c > '\u007f' && char.ToUpperInvariant(c) != char.ToLowerInvariant(c));

    private sealed class Pattern(string value)
    {
        public string LikePattern { get; } = value;
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
