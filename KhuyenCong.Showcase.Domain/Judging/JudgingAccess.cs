using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Contests;
using KhuyenCong.Showcase.Data;
using KhuyenCong.Showcase.Geography;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Showcase.Judging;

/// <summary>Who may see what of a round's judging: one place for the panel, scoring and results services.</summary>
internal static class JudgingAccess
{
    /// <summary>The round's staff, or the chair of its jury or council.</summary>
    internal static async Task<Round> ChairOrStaffAsync(ShowcaseDb db, UnitDirectory units, UserScope actor, Guid roundId, CancellationToken ct,
        bool withCriteria = false)
    {
        var round = await db.RoundAsync(roundId, ct, withCriteria: withCriteria);
        if (ContestPolicy.CanManage(actor, units, round)) return round;
        if (await db.Set<PanelMember>().AnyAsync(m => m.RoundId == roundId && m.UserId == actor.UserId && m.Role == PanelRole.Chair
                && (m.Body == PanelBody.Jury || m.Body == PanelBody.Council), ct)) return round;
        throw new AccessDeniedException();
    }

    internal static async Task<PanelMember> JurorAsync(ShowcaseDb db, UserScope actor, Guid roundId, CancellationToken ct, bool tracking = false)
    {
        var query = db.Set<PanelMember>().Where(m => m.RoundId == roundId && m.UserId == actor.UserId && m.Body == PanelBody.Jury);
        return await (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct) ?? throw new AccessDeniedException();
    }

    /// <summary>
    /// Independence of scoring (TT 26/2014 Điều 16.2: "độc lập, công bằng, khách quan"): while judging is open nobody
    /// who scores sees another judge's points, drafts or totals — only the round's staff who do not score do. Once
    /// judging closes the chair and the staff see them.
    /// </summary>
    internal static async Task<bool> PointsVisibleAsync(ShowcaseDb db, UnitDirectory units, UserScope actor, Round round, CancellationToken ct)
    {
        if (round.State < RoundState.Judging) return ContestPolicy.CanManage(actor, units, round);
        var scores = await db.Set<PanelMember>().AnyAsync(m => m.RoundId == round.Id && m.UserId == actor.UserId && m.Body == PanelBody.Jury, ct);
        if (round.State == RoundState.Judging) return !scores && ContestPolicy.CanManage(actor, units, round);
        return true;
    }

    /// <summary>Refuses with the reason while judging is open for someone who scores (see <see cref="PointsVisibleAsync"/>).</summary>
    internal static async Task EnsurePointsVisibleAsync(ShowcaseDb db, UnitDirectory units, UserScope actor, Round round, CancellationToken ct)
    {
        if (!await PointsVisibleAsync(db, units, actor, round, ct)) throw new DomainException(Resources.Messages.PointsHiddenWhileJudging);
    }
}

/// <summary>Judging's answer to what Contests asks about a round's panel (<see cref="IRoundPanel"/>).</summary>
public sealed class RoundPanel : IRoundPanel
{
    public Task<bool> SitsOnAsync(ShowcaseDb db, Guid roundId, string userId, CancellationToken ct) =>
        db.Set<PanelMember>().AnyAsync(m => m.RoundId == roundId && m.UserId == userId, ct);

    public async Task<DossierAccess> SeatAccessAsync(ShowcaseDb db, Round round, Entry entry, string userId, CancellationToken ct)
    {
        var seats = await db.Set<PanelMember>().AsNoTracking().Where(m => m.RoundId == round.Id && m.UserId == userId).ToListAsync(ct);
        if (seats.Any(m => m.Body == PanelBody.Secretariat)) return DossierAccess.Read;
        if (seats.Any(m => m.Body == PanelBody.Council) && round.State >= RoundState.ResultsProposed) return DossierAccess.Read;
        if (seats.FirstOrDefault(m => m.Body == PanelBody.Jury) is { } juror
            && !await db.Set<ConflictDeclaration>().AnyAsync(c => c.RoundId == round.Id && c.EntryId == entry.Id && c.UserId == userId && c.HasConflict, ct)
            && await JudgeAssignments.IsAssignedAsync(db, round, juror, entry.Id, ct))
            return round.Blind ? DossierAccess.Blind : DossierAccess.Read;
        return DossierAccess.None;
    }
}
