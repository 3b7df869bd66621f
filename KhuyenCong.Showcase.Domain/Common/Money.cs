using System.Globalization;

namespace KhuyenCong.Showcase.Common;

/// <summary>Amounts are whole đồng; people read them in Vietnamese notation (1.234.567 đ, 20.104 triệu).</summary>
public static class Money
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string Dong(long amount) => amount.ToString("#,0", Vietnamese) + " đ";

    public static string Million(long amount) =>
        (amount / 1_000_000m).ToString("#,0.###", Vietnamese) + " triệu đồng";
}
