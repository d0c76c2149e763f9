using Microsoft.Data.Sqlite;

namespace Library.Web.Infrastructure.Persistence.Sqlite;

using Library.Web.Infrastructure.Persistence.Search;

/// <summary>A set of book ids as SQL ("SELECT … AS Value …", no duplicates) with its parameters, read from the search indexes.</summary>
internal sealed record SearchSet(string Sql, IReadOnlyList<SqliteParameter> Parameters)
{
    /// <summary>
    /// The ids in this set and not in <paramref name="other"/>. "Value + 0" keeps the planner from offering the probe to the
    /// FTS5 table as a rowid constraint (FTS5 would run its whole query once per probed id).
    /// </summary>
    public SearchSet Except(SearchSet? other) => other is null
        ? this
        : new($"SELECT Value FROM ({Sql}) WHERE Value + 0 NOT IN ({other.Sql})", [.. Parameters, .. other.Parameters]);

    /// <summary>The ids in this set and in every one of <paramref name="others"/>.</summary>
    public SearchSet Intersect(IReadOnlyList<SearchSet> others) => others.Count == 0
        ? this
        : new(
            $"SELECT Value FROM ({Sql}) WHERE " + string.Join(" AND ", others.Select(o => $"Value + 0 IN ({o.Sql})")),
            [.. Parameters, .. others.SelectMany(o => o.Parameters)]);

    public SearchSet Union(SearchSet? other) => other is null
        ? this
        : new($"{Sql} UNION {other.Sql}", [.. Parameters, .. other.Parameters]);
}
