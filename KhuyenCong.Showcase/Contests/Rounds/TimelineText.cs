using KhuyenCong.Showcase.Resources;

namespace KhuyenCong.Showcase.Contests.Rounds;

/// <summary>Timeline actions are stored as stable keys; people read them in their language.</summary>
public static class TimelineText
{
    public static string Of(string action) =>
        UiText.ResourceManager.GetString("Timeline_" + action.Replace('-', '_'), UiText.Culture) ?? action;
}
