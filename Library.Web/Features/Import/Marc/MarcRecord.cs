namespace Library.Web.Features.Import.Marc;

/// <summary>One MARC 21 field: a control field (00X, <see cref="Value"/> only) or a data field (indicators and subfields).</summary>
internal sealed record MarcField(string Tag, char Indicator1, char Indicator2, string? Value, IReadOnlyList<MarcSubfield> Subfields)
{
    public static MarcField Control(string tag, string value) => new(tag, ' ', ' ', value, []);

    public IEnumerable<string> Values(char code) => Subfields.Where(s => s.Code == code).Select(s => s.Value);

    public string? First(char code) => Subfields.FirstOrDefault(s => s.Code == code)?.Value;
}

internal sealed record MarcSubfield(char Code, string Value);

/// <summary>A MARC 21 bibliographic record as read from ISO 2709 or MARCXML, before mapping.</summary>
internal sealed record MarcRecord(string Leader, IReadOnlyList<MarcField> Fields)
{
    public IEnumerable<MarcField> All(string tag) => Fields.Where(f => f.Tag == tag);

    public MarcField? First(string tag) => Fields.FirstOrDefault(f => f.Tag == tag);
}

/// <summary>A record read from a file, or the reason it could not be read.</summary>
internal sealed record MarcReadResult(int Number, MarcRecord? Record, ImportProblem? Problem);
