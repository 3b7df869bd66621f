using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Showcase.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddRoundAndUserSearchKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchKey",
                table: "Rounds",
                type: "nvarchar(231)",
                maxLength: 231,
                nullable: false,
                defaultValue: "",
                collation: "Vietnamese_100_CS_AS");

            migrationBuilder.AddColumn<string>(
                name: "NameKey",
                table: "AspNetUsers",
                type: "nvarchar(120)",
                maxLength: 120,
                nullable: false,
                defaultValue: "",
                collation: "Vietnamese_100_CS_AS");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_NameKey",
                table: "AspNetUsers",
                column: "NameKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_NameKey",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "SearchKey",
                table: "Rounds");

            migrationBuilder.DropColumn(
                name: "NameKey",
                table: "AspNetUsers");
        }
    }
}
