using MudBlazor;

namespace KhuyenCong.Showcase.Components.Layout;

/// <summary>
/// The product's one theme: the red and gold of the programme's mark, Noto Sans (it carries every Vietnamese
/// diacritic), the same values the static public pages read as CSS variables from wwwroot/css/site.css, so both
/// halves of the site look like one product. Colours pass WCAG AA on white.
/// </summary>
public static class ShowcaseTheme
{
    public const string Red = "#b3261e";
    public const string RedDark = "#8c1d18";
    public const string Gold = "#c99a2e";
    public const string Ink = "#1f2328";
    public const string Muted = "#59636e";
    public const string Wash = "#f6f4ef";

    private static readonly string[] Fonts = ["Noto Sans", "Segoe UI", "Roboto", "Arial", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = Red,
            PrimaryDarken = RedDark,
            Secondary = Gold,
            SecondaryContrastText = "#1f1300",
            Tertiary = "#1a7f37",
            AppbarBackground = Red,
            AppbarText = "#ffffff",
            Background = Wash,
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            DrawerText = Ink,
            DrawerIcon = Muted,
            TextPrimary = Ink,
            TextSecondary = Muted,
            ActionDefault = Muted,
            Success = "#1a7f37",
            Warning = "#9a6700",
            Error = Red,
            Info = "#0b5cad",
            LinesDefault = "#d8dee4",
            TableLines = "#d8dee4",
            Divider = "#d8dee4",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts, FontSize = "1rem", LineHeight = "1.5" },
            Button = new ButtonTypography { FontFamily = Fonts, FontWeight = "600", TextTransform = "none" },
            Caption = new CaptionTypography { FontFamily = Fonts },
            Overline = new OverlineTypography { FontFamily = Fonts },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px", DrawerWidthLeft = "248px" },
    };
}
