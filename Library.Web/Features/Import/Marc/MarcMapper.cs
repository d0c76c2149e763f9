using System.Globalization;
using System.Text.RegularExpressions;
using Library.Domain.Catalog;

namespace Library.Web.Features.Import.Marc;

/// <summary>
/// The few MARC 21 / KORMARC bibliographic fields the catalogue keeps (issue 17): 020 ISBN, 245 title, 100/110/700 author,
/// 264/260/008 publisher and year, 520 summary, 952/852 items as copies. Values are trimmed of ISBD punctuation; the catalogue
/// rules (valid ISBN, year range, duplicates) are the import's job.
/// </summary>
internal static partial class MarcMapper
{
    public static ImportRecord Map(int number, MarcRecord record) => new(
        number,
        FirstIsbn(record),
        Title(record),
        Author(record),
        Publisher(record),
        Year(record),
        Copies(record),
        NullIfEmpty(record.First("520")?.First('a')?.Trim()));

    /// <summary>The first 020 $a that is a valid ISBN (normalized); else the first one as written so the import can report it.</summary>
    private static string? FirstIsbn(MarcRecord record)
    {
        string? firstRaw = null;
        foreach (var raw in record.All("020").SelectMany(f => f.Values('a')))
        {
            var number = IsbnPart().Match(raw).Value.Trim();
            if (Isbn.TryNormalize(number, out var normalized))
            {
                return normalized;
            }

            firstRaw ??= NullIfEmpty(number.Length > 0 ? number : raw.Trim());
        }

        return firstRaw;
    }

    private static string? Title(MarcRecord record)
    {
        if (record.First("245") is not { } field)
        {
            return null;
        }

        var title = field.First('a')?.Trim() ?? string.Empty;
        if (NullIfEmpty(field.First('b')?.Trim()) is { } rest)
        {
            // 245 $a normally ends with the ISBD mark that introduces $b ("Title :"); keep it, add one when it is missing.
            title = title.Length == 0 ? rest : title[^1] is ':' or ';' or '=' ? $"{title} {rest}" : $"{TrimIsbd(title)} : {rest}";
        }

        return NullIfEmpty(TrimIsbd(title));
    }

    private static string? Author(MarcRecord record)
    {
        var name = record.First("100")?.First('a') ?? record.First("110")?.First('a') ?? record.First("700")?.First('a');
        return name is null ? null : NullIfEmpty(TrimName(name));
    }

    /// <summary>264 with second indicator 1 (publication) first, then any other 264 (e.g. 4 = copyright date), then 260.</summary>
    private static IEnumerable<MarcField> Imprints(MarcRecord record) =>
        record.All("264").OrderBy(f => f.Indicator2 == '1' ? 0 : 1).Concat(record.All("260"));

    private static string? Publisher(MarcRecord record) =>
        Imprints(record).SelectMany(f => f.Values('b')).Select(b => NullIfEmpty(b.Trim().TrimEnd(' ', ',', ':', ';')))
            .FirstOrDefault(b => b is not null);

    private static string? Year(MarcRecord record)
    {
        foreach (var date in Imprints(record).SelectMany(f => f.Values('c')))
        {
            if (FourDigits().Match(date) is { Success: true } match)
            {
                return match.Value;
            }
        }

        // 008/07-10: Date 1 (may be "uuuu" or "19uu" when unknown).
        var fixedData = record.First("008")?.Value;
        return fixedData is { Length: >= 11 } && fixedData[7..11].All(char.IsAsciiDigit) ? fixedData[7..11] : null;
    }

    private static string Copies(MarcRecord record)
    {
        var items = record.All("952").Count();
        if (items == 0)
        {
            items = record.All("852").Count();
        }

        return Math.Max(items, 1).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Trailing ISBD punctuation (" /", " :", " ;", " =", ".", ",") and spaces.</summary>
    internal static string TrimIsbd(string value) => value.Trim().TrimEnd(' ', '/', ':', ';', '=', '.', ',');

    /// <summary>Trailing "," and "." of a heading, except the full stop of an initial ("Tolkien, J. R. R.").</summary>
    internal static string TrimName(string value)
    {
        value = value.Trim().TrimEnd(',', ' ');
        while (value.EndsWith('.') && !EndsWithInitial().IsMatch(value))
        {
            value = value[..^1].TrimEnd(',', ' ');
        }

        return value;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    [GeneratedRegex(@"^\s*[0-9Xx][0-9Xx\-]*")]
    private static partial Regex IsbnPart();

    [GeneratedRegex(@"\d{4}")]
    private static partial Regex FourDigits();

    [GeneratedRegex(@"(^|[\s,.])\p{Lu}\.$")]
    private static partial Regex EndsWithInitial();
}
