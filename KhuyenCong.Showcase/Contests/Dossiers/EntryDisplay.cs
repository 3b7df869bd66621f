using KhuyenCong.Showcase.Common;

namespace KhuyenCong.Showcase.Contests.Dossiers;

/// <summary>How entries read on the producer's pages: state colours and local times.</summary>
public static class EntryDisplay
{
    /// <summary>Timelines read in Vietnam time whatever the server's zone.</summary>
    public static string DateTime(DateTimeOffset at) => VietnamTime.Local(at).ToString("dd/MM/yyyy HH:mm");

    public static string Date(DateTimeOffset at) => VietnamTime.Local(at).ToString("dd/MM/yyyy");

    public static string BadgeClass(EntryState state) => state switch
    {
        EntryState.Recognised => "badge badge-ok",
        EntryState.Returned => "badge badge-warning",
        EntryState.Rejected or EntryState.NotRecognised or EntryState.Revoked => "badge badge-bad",
        EntryState.Submitted or EntryState.Accepted => "badge badge-info",
        _ => "badge",
    };

    /// <summary>Scores are public once the recognition decision is out, not while the council still weighs them.</summary>
    public static bool ResultsPublished(Round round) => round.State is RoundState.DecisionIssued or RoundState.Closed;
}
