using System.Data.Common;
using Library.Web.Features.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Infrastructure.Persistence.Search;

/// <summary>
/// The engine-independent half of "did you mean …": each word that matches nothing alone is replaced by the nearest
/// candidate word (<see cref="NearestWord"/>); the respelt text is offered only if it finds listed titles. Each engine says
/// how a word is found and where its candidates come from.
/// </summary>
internal static class Respelling
{
    public delegate Task<bool> IsFound(DbConnection connection, string word, CancellationToken cancellationToken);

    public delegate Task<string?> FindNearest(DbConnection connection, string word, CancellationToken cancellationToken);

    public static async Task<string?> SuggestAsync(
        LibraryDbContext db, string searchText, IsFound isFound, FindNearest nearest, Func<string, Task<bool>> findsTitles,
        CancellationToken cancellationToken)
    {
        var words = SearchWords.Split(searchText);
        if (words.Count == 0)
        {
            return null;
        }

        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        var respelt = new List<string>();
        var changed = false;
        foreach (var word in words)
        {
            var lower = word.ToLowerInvariant();
            if (await isFound(connection, lower, cancellationToken))
            {
                respelt.Add(word);
                continue;
            }

            if (await nearest(connection, lower, cancellationToken) is not { } replacement)
            {
                return null;
            }

            respelt.Add(char.IsUpper(word[0]) ? char.ToUpperInvariant(replacement[0]) + replacement[1..] : replacement);
            changed = true;
        }

        var suggestion = string.Join(' ', respelt);
        return changed && await findsTitles(suggestion) ? suggestion : null;
    }
}

/// <summary>
/// The nearest of the candidate words offered for a misspelt <paramref name="word"/>: within
/// <see cref="SpellingDistance.AllowedFor"/> edits of the whole candidate or of its start as long as the word (so "다람줘"
/// finds "다람쥐의" as "다람쥐"); fewer edits first, then a whole word, then the word in more titles.
/// </summary>
internal sealed class NearestWord(string word)
{
    private readonly int _allowed = SpellingDistance.AllowedFor(word.Length);
    private (string Word, int Distance, bool Whole, long Titles)? _best;

    /// <summary>False when the word is too short to respell at all.</summary>
    public bool CanRespell => _allowed > 0;

    public string? Word => _best?.Word;

    public void Offer(string term, long titles)
    {
        if (Score(term) is { } c && (_best is not { } b || (c.Distance, !c.Whole, -titles).CompareTo((b.Distance, !b.Whole, -b.Titles)) < 0))
        {
            _best = (c.Word, c.Distance, c.Whole, titles);
        }
    }

    /// <summary>The term itself, or its start as long as the word, whichever is nearer (the whole term on a tie).</summary>
    private (string Word, int Distance, bool Whole)? Score(string term)
    {
        var whole = SpellingDistance.Between(word, term, _allowed);
        var start = term.Length > word.Length ? SpellingDistance.Between(word, term.AsSpan(0, word.Length), _allowed) : _allowed + 1;
        if (Math.Min(whole, start) > _allowed)
        {
            return null;
        }

        return whole <= start ? (term, whole, true) : (term[..word.Length], start, false);
    }
}
