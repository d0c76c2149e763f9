using System.Text.Json;
using Library.Domain.Common;
using Library.Web.Infrastructure.Persistence;

namespace Library.Web.Features.Admin.Audit;

/// <summary>Adds an audit entry to the caller's write transaction (call it inside DbWriter.ExecuteAsync).</summary>
internal sealed class AuditLog(TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public void Record(
        LibraryDbContext db, Actor actor, string action, string entityId, string? summary, object? before, object? after)
    {
        db.Set<AuditEntry>().Add(new AuditEntry
        {
            Id = Ids.New(),
            At = clock.GetUtcNow(),
            ActorId = actor.UserId,
            ActorEmail = actor.Email,
            Action = action,
            EntityType = action[..action.IndexOf('.')],
            EntityId = entityId,
            Summary = summary is { Length: > 300 } ? summary[..300] : summary,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        });
    }
}
