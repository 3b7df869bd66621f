using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Data;
using KhuyenCong.Showcase.Geography;
using KhuyenCong.Showcase.Judging;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Showcase.Contests;

/// <summary>How much of one dossier an actor may read. <see cref="Blind"/>: everything but who made it (a blind round's juror).</summary>
public enum DossierAccess { None, Blind, Read, Manage }

/// <summary>
/// Who reads a dossier, in one place for the dossier page, its PDFs, its photos and documents, and the round's lists:
/// <list type="bullet">
/// <item>the round's own staff manage it;</item>
/// <item>the facility that entered it reads it;</item>
/// <item>staff who follow the round from a unit inside it (a commune officer watching the province round) read the
/// dossiers of facilities in their own unit only;</item>
/// <item>a juror reads an accepted entry assigned to them and free of conflict — without the facility's identity in a
/// blind round;</item>
/// <item>the secretariat (Tổ chuyên môn giúp việc, TT 26/2014 Điều 11) prepares the jury's work: every accepted entry;</item>
/// <item>the council (Điều 17) decides on the jury's proposal: the judged entries, once results are proposed.</item>
/// </list>
/// </summary>
public static class DossierReaders
{
    private static readonly EntryState[] Judged = [EntryState.Accepted, EntryState.Recognised, EntryState.NotRecognised];

    public static async Task<DossierAccess> ForAsync(ShowcaseDb db, UnitDirectory units, UserScope actor, Round round, Entry entry,
        Guid producerUnitId, CancellationToken ct)
    {
        if (!actor.IsAuthenticated) return DossierAccess.None;
        if (ContestPolicy.CanManage(actor, units, round)) return DossierAccess.Manage;
        if (actor.ActsFor(entry.ProducerId)) return DossierAccess.Read;
        if (ContestPolicy.CanView(actor, units, round) && actor.CanSeeUnit(units, producerUnitId)) return DossierAccess.Read;
        if (!Judged.Contains(entry.State)) return DossierAccess.None;
        var seats = await db.Set<PanelMember>().AsNoTracking().Where(m => m.RoundId == round.Id && m.UserId == actor.UserId).ToListAsync(ct);
        if (seats.Any(m => m.Body == PanelBody.Secretariat)) return DossierAccess.Read;
        if (seats.Any(m => m.Body == PanelBody.Council) && round.State >= RoundState.ResultsProposed) return DossierAccess.Read;
        if (seats.FirstOrDefault(m => m.Body == PanelBody.Jury) is { } juror
            && !await db.Set<ConflictDeclaration>().AnyAsync(c => c.RoundId == round.Id && c.EntryId == entry.Id && c.UserId == actor.UserId && c.HasConflict, ct)
            && await JudgeAssignments.IsAssignedAsync(db, round, juror, entry.Id, ct))
            return round.Blind ? DossierAccess.Blind : DossierAccess.Read;
        return DossierAccess.None;
    }

    /// <summary>
    /// For lists of a round's entries (table, exports, short list): the round's staff see every facility, staff who
    /// follow it from below only the facilities of their own unit, anyone else nothing.
    /// </summary>
    public static Func<Guid, bool>? ListFilter(UserScope actor, UnitDirectory units, Round round)
    {
        if (ContestPolicy.CanManage(actor, units, round)) return _ => true;
        if (ContestPolicy.CanView(actor, units, round)) return unitId => actor.CanSeeUnit(units, unitId);
        return null;
    }
}
