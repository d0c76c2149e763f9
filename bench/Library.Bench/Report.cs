using System.Text;

namespace Library.Bench;

/// <summary>Collects the figures and prints them as a Markdown table.</summary>
internal sealed class Report
{
    private readonly StringBuilder _text = new();

    public void Section(string title)
    {
        _text.AppendLine().AppendLine($"### {title}").AppendLine().AppendLine("| measure | value |").AppendLine("|---|---|");
        Console.WriteLine($"\n== {title}");
    }

    public void Row(string measure, string value)
    {
        _text.AppendLine($"| {measure} | {value} |");
        Console.WriteLine($"   {measure,-55} {value}");
    }

    public override string ToString() => _text.ToString();
}
