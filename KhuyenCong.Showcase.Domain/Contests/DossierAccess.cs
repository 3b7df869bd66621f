using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Data;
using KhuyenCong.Showcase.Geography;

namespace KhuyenCong.Showcase.Contests;

/// <summary>How much of one dossier an actor may read. <see cref="Blind"/>: everything but who made it (a blind round's juror).</summary>
public enum DossierAccess { None, Blind, Read, Manage }

/// <summary>
/// What the contest needs to know about a round's council, jury and secretariat. Judging answers it (and registers the
/// answer), so that Contests never depends on Judging.
/// </summary>
public interface IRoundPanel
{
    /// <summary>Whether the person sits on any body of the round.</summary>
    Task<bool> SitsOnAsync(ShowcaseDb db, Guid roundId, string userId, CancellationToken ct);

    /// <summary>What the person's seats on the round give them of this entry's dossier (<see cref="DossierAccess.None"/> without a seat).</summary>
    Task<DossierAccess> SeatAccessAsync(ShowcaseDb db, Round round, Entry entry, string userId, CancellationToken ct);
}

/// <summary>
/// Who reads a dossier, in one place for the dossier page, its PDFs, its photos and documents, and the round's lists:
/// <list type="bullet">
/// <item>the round's own staff manage it;</item>
/// <item>the facility that entered it reads it;</item>
/// <item>staff who follow the round from a unit inside it (a commune officer watching the province round) read the
/// dossiers of facilities in their own unit only; the ministry's staff read all;</item>
/// <item>the panel, through <see cref="IRoundPanel"/>: a juror reads an accepted entry assigned to them and free of
/// conflict — without the facility's identity in a blind round; the secretariat (TT 26/2014 Điều 11) every judged entry;
/// the council (Điều 17) the judged entries once results are proposed.</item>
/// </list>
/// </summary>
public sealed class DossierReaders(IRoundPanel panel)
{
    private static readonly EntryState[] Judged = [EntryState.Accepted, EntryState.Recognised, EntryState.NotRecognised, EntryState.Revoked];

    public async Task<DossierAccess> ForAsync(ShowcaseDb db, UnitDirectory units, UserScope actor, Round round, Entry entry,
        Guid producerUnitId, CancellationToken ct)
    {
        if (!actor.IsAuthenticated) return DossierAccess.None;
        if (ContestPolicy.CanManage(actor, units, round)) return DossierAccess.Manage;
        if (actor.ActsFor(entry.ProducerId)) return DossierAccess.Read;
        if (ContestPolicy.CanView(actor, units, round) && actor.CanSeeUnit(units, producerUnitId)) return DossierAccess.Read;
        if (!Judged.Contains(entry.State)) return DossierAccess.None;
        return await panel.SeatAccessAsync(db, round, entry, actor.UserId, ct);
    }

    /// <summary>Whether the person may open the round at all: its staff, staff who follow it, or a member of its panel.</summary>
    public async Task<bool> MaySeeRoundAsync(ShowcaseDb db, UnitDirectory units, UserScope actor, Round round, CancellationToken ct) =>
        ContestPolicy.CanView(actor, units, round) || (actor.IsAuthenticated && await panel.SitsOnAsync(db, round.Id, actor.UserId, ct));

    /// <summary>
    /// For lists of a round's entries (table, exports, short list): the round's staff see every facility, staff who
    /// follow it from below only the facilities of their own unit, anyone else nothing (null).
    /// </summary>
    public static ListScope? ListScopeOf(UserScope actor, UnitDirectory units, Round round)
    {
        if (ContestPolicy.CanManage(actor, units, round)) return ListScope.All;
        if (ContestPolicy.CanView(actor, units, round)) return actor.SeesAllUnits ? ListScope.All : new ListScope(actor.VisibleUnits(units));
        return null;
    }

    /// <summary><see cref="ListScopeOf"/> as a test on a facility's unit, for lists built in memory.</summary>
    public static Func<Guid, bool>? ListFilter(UserScope actor, UnitDirectory units, Round round) =>
        ListScopeOf(actor, units, round) is { } scope ? scope.Contains : null;
}

/// <summary>The facilities a list of a round's entries shows: all of them (<see cref="Units"/> null) or those of these units.</summary>
public sealed record ListScope(IReadOnlyCollection<Guid>? Units)
{
    public static readonly ListScope All = new((IReadOnlyCollection<Guid>?)null);

    public bool Contains(Guid unitId) => Units is null || Units.Contains(unitId);
}
