using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Showcase.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 231,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NameKey",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 120,
                nullable: false,
                defaultValue: "");

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
