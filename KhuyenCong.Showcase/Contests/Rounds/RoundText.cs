using KhuyenCong.Showcase.Resources;

namespace KhuyenCong.Showcase.Contests.Rounds;

/// <summary>How a round's settings read on its pages.</summary>
public static class RoundText
{
    /// <summary>"3 phiếu/hồ sơ", or "mọi giám khảo được phân công" when the round leaves it to the plan.</summary>
    public static string Sheets(Round round) =>
        round.MinimumSheets is { } n ? string.Format(UiText.Round_SheetsPerEntry, n) : UiText.Round_SheetsAllAssigned;
}
