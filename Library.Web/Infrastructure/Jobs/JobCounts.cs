using System.Text.Json;

namespace Library.Web.Infrastructure.Jobs;

/// <summary>Named counts a job run reports, in the order they were added (e.g. checked=3, flagged=3).</summary>
internal sealed class JobCounts
{
    private readonly List<KeyValuePair<string, int>> _counts = [];

    public JobCounts Add(string name, int value)
    {
        _counts.Add(new(name, value));
        return this;
    }

    public int this[string name] => _counts.LastOrDefault(c => c.Key == name).Value;

    public IReadOnlyList<KeyValuePair<string, int>> Items => _counts;

    public string ToJson() => JsonSerializer.Serialize(_counts.ToDictionary(c => c.Key, c => c.Value));

    public override string ToString() => _counts.Count == 0 ? "nothing to do" : string.Join(", ", _counts.Select(c => $"{c.Key}={c.Value}"));
}
