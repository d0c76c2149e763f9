using System.Text;

namespace Library.Bench;

/// <summary>Collects the figures and prints them as Markdown tables, ending with every issue-18 target beside its figure.</summary>
internal sealed class Report
{
    private readonly StringBuilder _text = new();
    private readonly List<(string Target, string Goal, string Measured, bool? Met)> _targets = [];

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

    /// <summary>A target of the performance issue with its goal and the measured figure; <paramref name="met"/> null = no pass/fail (reported only).</summary>
    public void Target(string target, string goal, string measured, bool? met)
    {
        _targets.Add((target, goal, measured, met));
        Console.WriteLine($"   TARGET {target}: goal {goal}, measured {measured} → {Verdict(met)}");
    }

    public string TargetsTable()
    {
        var table = new StringBuilder().AppendLine().AppendLine("### Targets").AppendLine()
            .AppendLine("| target | goal | measured | |").AppendLine("|---|---|---|---|");
        foreach (var (target, goal, measured, met) in _targets)
        {
            table.AppendLine($"| {target} | {goal} | {measured} | {Verdict(met)} |");
        }

        return table.ToString();
    }

    private static string Verdict(bool? met) => met switch { true => "met", false => "NOT met", null => "reported" };

    public override string ToString() => _text + TargetsTable();
}
