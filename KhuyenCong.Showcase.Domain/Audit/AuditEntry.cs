using System.Text.Json;
using KhuyenCong.Showcase.Accounts;

namespace KhuyenCong.Showcase.Audit;

/// <summary>Who did what to which record, when, with the record before and after (as JSON).</summary>
public sealed class AuditEntry
{
    public const int ActionMaxLength = 80;
    public const int EntityTypeMaxLength = 80;
    public const int EntityIdMaxLength = 80;
    public const int ActorMaxLength = 200;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private AuditEntry() { }

    public Guid Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public string EntityId { get; private set; } = "";
    public string? Before { get; private set; }
    public string? After { get; private set; }

    public static AuditEntry Record(UserScope actor, DateTimeOffset at, string action, string entityType, object entityId,
        object? before, object? after) => new()
    {
        Id = Guid.CreateVersion7(),
        At = at,
        ActorId = actor.UserId,
        ActorName = actor.UserName.Length > ActorMaxLength ? actor.UserName[..ActorMaxLength] : actor.UserName,
        Action = action,
        EntityType = entityType,
        EntityId = entityId.ToString() ?? "",
        Before = before is null ? null : JsonSerializer.Serialize(before, Json),
        After = after is null ? null : JsonSerializer.Serialize(after, Json),
    };
}
