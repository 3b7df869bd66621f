using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace KhuyenCong.Showcase.Media;

/// <summary>Paints placeholder product photos for the demo catalogue.</summary>
public static class DemoImage
{
    /// <summary>
    /// A deterministic picture for a demo product: a vertical gradient between two colours derived from
    /// <paramref name="seed"/>, with a lighter circle, rounded square or triangle (also chosen by the seed)
    /// whose placement depends on <paramref name="view"/> (0 front, 1 side, 2 top) so the views differ.
    /// Returns PNG bytes, encoded with ImageSharp.
    /// </summary>
    public static byte[] Render(int width, int height, int seed, int view)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfLessThan(view, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(view, 2);
        if ((long)width * height * 3 > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(width), "The image is too large to render in memory.");
        }

        // Mixed rather than used raw so neighbouring seeds (product ids) still get unrelated colours.
        var hash = Mix((uint)seed);
        var hue = hash % 360 / 360.0;
        var top = FromHsv(hue, 0.35, 0.95);
        var bottom = FromHsv(hue + 0.08, 0.55, 0.62);
        var shapeColour = Blend(top, (255, 255, 255), 0.55);
        var shadowColour = Blend(bottom, (0, 0, 0), 0.35);
        var shape = (int)((hash >> 9) % 3);

        var stride = width * 3;
        var rgb = new byte[stride * height];

        for (var y = 0; y < height; y++)
        {
            var t = height == 1 ? 0 : (double)y / (height - 1);
            var (r, g, b) = Blend(top, bottom, t);
            var row = rgb.AsSpan(y * stride, stride);
            row[0] = r;
            row[1] = g;
            row[2] = b;
            for (var filled = 3; filled < stride; filled *= 2)
            {
                row[..Math.Min(filled, stride - filled)].CopyTo(row[filled..]);
            }
        }

        var size = Math.Min(width, height) * 0.26;
        var (cx, cy) = view switch
        {
            0 => (width * 0.5, height * 0.5),
            1 => (width * 0.36, height * 0.54),
            _ => (width * 0.62, height * 0.42),
        };

        // A blurred, flattened ellipse under the shape keeps it from looking pasted on.
        var shadowY = cy + size * 1.1;
        var shadowRadiusX = size * 0.95;
        var squash = 3.5;
        var blur = Math.Max(1, size * 0.2);
        PaintSoft(rgb, width, height, shadowColour, opacity: 0.45, softness: blur,
            cx - shadowRadiusX - blur, shadowY - shadowRadiusX / squash - blur,
            cx + shadowRadiusX + blur, shadowY + shadowRadiusX / squash + blur,
            (px, py) => Ellipse(px - cx, (py - shadowY) * squash, shadowRadiusX) / squash);

        PaintSoft(rgb, width, height, shapeColour, opacity: 1, softness: 1,
            cx - size - 2, cy - size - 2, cx + size + 2, cy + size + 2,
            shape switch
            {
                0 => (px, py) => Ellipse(px - cx, py - cy, size),
                1 => (px, py) => RoundedSquare(px - cx, py - cy, size * 0.85, size * 0.25),
                _ => (px, py) => Triangle(px - cx, cy + size * 0.15 - py, size * 0.95),
            });

        using var image = Image.LoadPixelData<Rgb24>(rgb, width, height);
        using var output = new MemoryStream();
        image.SaveAsPng(output);
        return output.ToArray();
    }

    // Coverage from a signed distance gives anti-aliased (or, with a large softness, blurred) edges
    // without supersampling.
    private static void PaintSoft(
        byte[] rgb, int width, int height, (byte R, byte G, byte B) colour, double opacity, double softness,
        double left, double topEdge, double right, double bottomEdge, Func<double, double, double> distance)
    {
        var x0 = Math.Clamp((int)Math.Floor(left), 0, width);
        var x1 = Math.Clamp((int)Math.Ceiling(right), 0, width);
        var y0 = Math.Clamp((int)Math.Floor(topEdge), 0, height);
        var y1 = Math.Clamp((int)Math.Ceiling(bottomEdge), 0, height);

        for (var y = y0; y < y1; y++)
        {
            for (var x = x0; x < x1; x++)
            {
                var coverage = Math.Clamp(0.5 - distance(x + 0.5, y + 0.5) / softness, 0, 1) * opacity;
                if (coverage <= 0)
                {
                    continue;
                }

                var i = (y * width + x) * 3;
                rgb[i] = Lerp(rgb[i], colour.R, coverage);
                rgb[i + 1] = Lerp(rgb[i + 1], colour.G, coverage);
                rgb[i + 2] = Lerp(rgb[i + 2], colour.B, coverage);
            }
        }
    }

    private static double Ellipse(double x, double y, double radius) => Math.Sqrt(x * x + y * y) - radius;

    private static double RoundedSquare(double x, double y, double halfSide, double cornerRadius)
    {
        var qx = Math.Abs(x) - (halfSide - cornerRadius);
        var qy = Math.Abs(y) - (halfSide - cornerRadius);
        var outside = Math.Sqrt(Math.Pow(Math.Max(qx, 0), 2) + Math.Pow(Math.Max(qy, 0), 2));
        return outside + Math.Min(Math.Max(qx, qy), 0) - cornerRadius;
    }

    // Exact signed distance to an upward-pointing equilateral triangle (y grows upwards here).
    private static double Triangle(double x, double y, double radius)
    {
        var k = Math.Sqrt(3);
        x = Math.Abs(x) - radius;
        y += radius / k;
        if (x + k * y > 0)
        {
            (x, y) = ((x - k * y) / 2, (-k * x - y) / 2);
        }

        x -= Math.Clamp(x, -2 * radius, 0);
        return -Math.Sqrt(x * x + y * y) * Math.Sign(y);
    }

    private static uint Mix(uint value)
    {
        value ^= value >> 16;
        value *= 0x7FEB352Du;
        value ^= value >> 15;
        value *= 0x846CA68Bu;
        value ^= value >> 16;
        return value;
    }

    private static (byte R, byte G, byte B) FromHsv(double hue, double saturation, double value)
    {
        hue = (hue % 1 + 1) % 1 * 6;
        var sector = (int)hue;
        var f = hue - sector;
        var p = value * (1 - saturation);
        var q = value * (1 - saturation * f);
        var t = value * (1 - saturation * (1 - f));
        var (r, g, b) = sector switch
        {
            0 => (value, t, p),
            1 => (q, value, p),
            2 => (p, value, t),
            3 => (p, q, value),
            4 => (t, p, value),
            _ => (value, p, q),
        };
        return (ToByte(r * 255), ToByte(g * 255), ToByte(b * 255));
    }

    private static (byte R, byte G, byte B) Blend((byte R, byte G, byte B) from, (byte R, byte G, byte B) to, double amount) =>
        (Lerp(from.R, to.R, amount), Lerp(from.G, to.G, amount), Lerp(from.B, to.B, amount));

    private static byte Lerp(byte from, byte to, double amount) => ToByte(from + (to - from) * amount);

    private static byte ToByte(double value) => (byte)Math.Clamp(Math.Round(value), 0, 255);
}
