using KhuyenCong.Showcase.Geography;

namespace KhuyenCong.Showcase.Tests.Domain;

public sealed class UnitCsvTests
{
    [Fact]
    public void ShouldReadVietnameseAndEnglishTypesAndSeveralSuccessors()
    {
        var csv = """
            code,name,type,parent_code,valid_from,valid_to,successor_code
            42,Hà Tĩnh,Tỉnh,,2008-08-01,,
            42001,"Xã A, mới",Xã,42,2025-07-01,,
            42002,Phường B,Ward,42,2025-07-01,,
            43,Tỉnh cũ,Province,,2008-08-01,2025-06-11,42;44
            """;
        var (rows, errors) = UnitCsv.Parse(new StringReader(csv));
        Assert.Empty(errors);
        Assert.Equal(4, rows.Count);
        Assert.Equal("Xã A, mới", rows[1].Name);
        Assert.Equal(UnitKind.Commune, rows[1].Kind);
        Assert.Equal(UnitKind.Ward, rows[2].Kind);
        Assert.Equal(["42", "44"], rows[3].SuccessorCodes);
        Assert.Equal(new DateOnly(2025, 6, 11), rows[3].ValidTo);
    }

    [Fact]
    public void ShouldReportBadLinesWithTheirNumbers()
    {
        var csv = """
            code,name,type,parent_code,valid_from,valid_to,successor_code
            42,Hà Tĩnh,Tỉnh,,2008-08-01,,
            42001,Xã A,Làng,42,2025-07-01,,
            42002,Xã B,Xã,42,01/07/2025,,
            42003,Xã C
            42,Hà Tĩnh lặp,Tỉnh,,2008-08-01,,
            """;
        var (_, errors) = UnitCsv.Parse(new StringReader(csv));
        Assert.Equal(4, errors.Count);
        Assert.StartsWith("Dòng 3:", errors[0]);
        Assert.Contains("Làng", errors[0]);
        Assert.StartsWith("Dòng 4:", errors[1]);
        Assert.StartsWith("Dòng 5:", errors[2]);
        Assert.StartsWith("Dòng 6:", errors[3]);
        Assert.Contains("dòng 2", errors[3]);
    }

    [Fact]
    public void ShouldRefuseAFileWithoutTheHeader()
    {
        var (rows, errors) = UnitCsv.Parse(new StringReader("42,Hà Tĩnh,Tỉnh,,2008-08-01,,\n"));
        Assert.Empty(rows);
        Assert.Contains("code,name,type", Assert.Single(errors));
    }

    [Fact]
    public void TheShippedProvinceListShouldHold63UnitsBeforeTheReformAnd34After()
    {
        using var stream = typeof(UnitCsv).Assembly.GetManifestResourceStream("KhuyenCong.Showcase.Geography.provinces.csv")!;
        var (rows, errors) = UnitCsv.Parse(new StreamReader(stream));
        Assert.Empty(errors);
        static bool ValidOn(UnitCsvRow r, DateOnly d) => r.ValidFrom <= d && (r.ValidTo is null || d <= r.ValidTo);
        Assert.Equal(63, rows.Count(r => ValidOn(r, new DateOnly(2025, 6, 1))));
        Assert.Equal(34, rows.Count(r => ValidOn(r, new DateOnly(2025, 6, 12))));
        Assert.Equal(6, rows.Count(r => ValidOn(r, new DateOnly(2025, 7, 1)) && r.Kind == UnitKind.CentralCity));
    }
}
