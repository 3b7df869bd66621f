using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Showcase.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Issue9SheetGroupTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "CulturePoints",
                table: "ScoreSheets",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "EconomicPoints",
                table: "ScoreSheets",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "MarketPoints",
                table: "ScoreSheets",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "OtherPoints",
                table: "ScoreSheets",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);

            // Sheets already submitted get their group points from their scores, as ScoreSheet.Submit now stores them.
            migrationBuilder.Sql("UPDATE \"ScoreSheets\" SET \"MarketPoints\" = (SELECT COALESCE(SUM(s.\"Points\"), 0) FROM \"SheetScores\" AS s JOIN \"RoundCriteria\" AS c ON c.\"Id\" = s.\"CriterionId\" WHERE s.\"SheetId\" = \"ScoreSheets\".\"Id\" AND c.\"Group\" = 'Market'), \"EconomicPoints\" = (SELECT COALESCE(SUM(s.\"Points\"), 0) FROM \"SheetScores\" AS s JOIN \"RoundCriteria\" AS c ON c.\"Id\" = s.\"CriterionId\" WHERE s.\"SheetId\" = \"ScoreSheets\".\"Id\" AND c.\"Group\" = 'EconomicTechnical'), \"CulturePoints\" = (SELECT COALESCE(SUM(s.\"Points\"), 0) FROM \"SheetScores\" AS s JOIN \"RoundCriteria\" AS c ON c.\"Id\" = s.\"CriterionId\" WHERE s.\"SheetId\" = \"ScoreSheets\".\"Id\" AND c.\"Group\" = 'CultureAesthetics'), \"OtherPoints\" = (SELECT COALESCE(SUM(s.\"Points\"), 0) FROM \"SheetScores\" AS s JOIN \"RoundCriteria\" AS c ON c.\"Id\" = s.\"CriterionId\" WHERE s.\"SheetId\" = \"ScoreSheets\".\"Id\" AND c.\"Group\" = 'Other') WHERE \"State\" = 'Submitted';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CulturePoints",
                table: "ScoreSheets");

            migrationBuilder.DropColumn(
                name: "EconomicPoints",
                table: "ScoreSheets");

            migrationBuilder.DropColumn(
                name: "MarketPoints",
                table: "ScoreSheets");

            migrationBuilder.DropColumn(
                name: "OtherPoints",
                table: "ScoreSheets");
        }
    }
}
