using System.Text;

namespace Library.Tests.Import.Marc;

/// <summary>Test-side ISO 2709 writer for extra cases (the hand-written literals and fixtures are the primary evidence).</summary>
internal sealed class MarcBuilder
{
    private readonly List<(string Tag, byte[] Data)> _fields = [];

    public char CodingScheme { get; init; } = 'a';

    public MarcBuilder Control(string tag, string value)
    {
        _fields.Add((tag, [.. Encoding.UTF8.GetBytes(value), 0x1E]));
        return this;
    }

    /// <param name="subfields">Code then value, e.g. "a", "Title :", "b", "subtitle".</param>
    public MarcBuilder Data(string tag, string indicators, params string[] subfields)
    {
        var text = new StringBuilder(indicators);
        for (var i = 0; i < subfields.Length; i += 2)
        {
            text.Append('\u001F').Append(subfields[i]).Append(subfields[i + 1]);
        }

        _fields.Add((tag, [.. Encoding.UTF8.GetBytes(text.ToString()), 0x1E]));
        return this;
    }

    public byte[] Build()
    {
        var directory = new StringBuilder();
        var data = new List<byte>();
        foreach (var (tag, bytes) in _fields)
        {
            directory.Append(tag).Append(bytes.Length.ToString("D4")).Append(data.Count.ToString("D5"));
            data.AddRange(bytes);
        }

        directory.Append('\u001E');
        var baseAddress = 24 + directory.Length;
        var length = baseAddress + data.Count + 1;
        var leader = $"{length:D5}nam {CodingScheme}22{baseAddress:D5} i 4500";
        return [.. Encoding.ASCII.GetBytes(leader + directory), .. data, 0x1D];
    }
}
