using System.Text.Json;

namespace Library.Web.Infrastructure.Jobs;

/// <summary>One execution of a background job, for the librarians' Jobs page and for diagnosis.</summary>
internal sealed class JobRun
{
    public Guid Id { get; set; }
    public string JobKey { get; set; } = string.Empty;

    /// <summary><see cref="JobTriggers.Schedule"/>, <see cref="JobTriggers.Startup"/>, or the librarian who pressed "Run now".</summary>
    public string TriggeredBy { get; set; } = string.Empty;

    /// <summary>The node that ran it (<c>Cluster:NodeName</c>); empty for runs recorded before nodes were named.</summary>
    public string Node { get; set; } = string.Empty;
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
    public long DurationMs { get; set; }
    public bool Succeeded { get; set; }

    /// <summary>What the run did, as named counts (JSON object), e.g. {"checked":3,"flagged":3}.</summary>
    public string Counts { get; set; } = "{}";
    public string? Error { get; set; }

    public IReadOnlyDictionary<string, int> CountsMap() =>
        JsonSerializer.Deserialize<Dictionary<string, int>>(Counts) ?? [];
}

/// <summary>Who or what fired a run.</summary>
internal static class JobTriggers
{
    public const string Schedule = "schedule";
    public const string Startup = "startup";
    public const string Manual = "manual";

    /// <summary>JobDataMap key a "Run now" firing carries: who asked.</summary>
    public const string RequestedByKey = "requestedBy";
}
