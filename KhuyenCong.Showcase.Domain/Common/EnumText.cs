using KhuyenCong.Showcase.Resources;

namespace KhuyenCong.Showcase.Common;

/// <summary>Display names of enum values come from the resources as "Type_Value".</summary>
public static class EnumText
{
    public static string Of<T>(T value) where T : struct, Enum =>
        Messages.ResourceManager.GetString($"{typeof(T).Name}_{value}", Messages.Culture) ?? value.ToString();

    public static string Role(string role) => Messages.ResourceManager.GetString($"Role_{role}", Messages.Culture) ?? role;
}
